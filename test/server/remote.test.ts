import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind } from "vscode-languageserver-protocol/node";
import { MetricsRequest, NetworkAuditRequest } from "../../common/protocol";
import { ensureModels } from "../fixtures/gguf";
import { startServer } from "./harness";
import { assertAbortIsPrompt, assertChatStreams, assertKilledMidAnswerRecovers, assertStopsLikeLocal, code, connect, fim, localManager, messages } from "./remoteScenarios";
import { runCli, startServe } from "./serveHarness";

test("completion through enclave serve equals the in-process one in every FIM mode, and reuses the KV prefix", async () => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny);
  const manager = await localManager(tiny);
  try {
    const prompt = fim(code.repeat(5), "\nprint(1)\n");
    const expected = await (await manager.engine())!.generate({ sequence: "completion", prompt, maxTokens: 12 });
    const remote = await connect(`${serve.url}/v1/`);
    assert.equal(remote.model.name, "enclave-fixture-tiny");
    assert.equal(remote.model.fim, true);
    assert.equal(remote.model.demo, false);
    assert.deepEqual(remote.backend.remote, { url: serve.url, server: "enclave serve", route: "detected by its /v1/models entry (owned_by enclave); completions as Enclave's prompt pieces (/v1/completions), chat via /v1/chat/completions" });
    assert.ok(remote.vocabulary.special.fimPrefix && remote.vocabulary.special.fimRepo);

    const first = await remote.generate({ sequence: "completion", prompt, maxTokens: 12 });
    assert.equal(first.text, expected.text, "enclave serve gets the very same prompt tokens (structured pieces)");
    assert.equal(first.promptTokens, expected.promptTokens);
    assert.equal(first.generatedTokens, 12);
    assert.equal(first.stopReason, "maxTokens");

    // Typing five characters: the serve slot keeps this client's prefix.
    const typed = await remote.generate({ sequence: "completion", prompt: [...prompt, "def w"], maxTokens: 4 });
    assert.ok(typed.promptTokensReused >= first.promptTokens - 1, `reused ${typed.promptTokensReused} of ${typed.promptTokens}`);
    assert.ok(typed.promptTokensEvaluated <= 5, `evaluated ${typed.promptTokensEvaluated}`);

    // llama-server's /infill and a family's FIM token text reach the same tokens on enclave serve.
    for (const fimTemplate of ["infill", "qwen"] as const) {
      const other = await connect(serve.url, { "remote.fimTemplate": fimTemplate });
      const result = await other.generate({ sequence: "completion", prompt, maxTokens: 12 });
      assert.equal(result.text, expected.text, fimTemplate);
    }
    await assertStopsLikeLocal((await manager.engine())!, remote, prompt, expected.text);
  } finally {
    await manager.dispose();
    await serve.stop();
  }
});

test("chat streams through enclave serve, and cancelling stops the server's generation", async () => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny);
  const manager = await localManager(tiny);
  try {
    const expected = await (await manager.engine())!.chat({ messages, maxTokens: 16 });
    const remote = await connect(serve.url);
    const answer = await assertChatStreams(remote);
    assert.equal(answer.text, expected.text);
    await assertAbortIsPrompt(remote, 200);
    // The server saw the hang-up and stopped generating (its metrics count the aborted request).
    let aborted = 0;
    for (let i = 0; i < 50 && aborted === 0; i++) {
      aborted = ((await (await fetch(`${serve.url}/enclave/metrics`)).json()) as { engine: { aborted: number } }).engine.aborted;
      if (!aborted) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(aborted, 1);
  } finally {
    await manager.dispose();
    await serve.stop();
  }
});

test("a server killed mid-stream gives a clean error, and the engine recovers once it is back", async () => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny);
  const remote = await connect(serve.url);
  // Kept outside the try: when the retries give up, the restarted server must still be stopped,
  // or it outlives the test file and keeps the runner waiting.
  let again: ReturnType<typeof startServe> | undefined;
  try {
    // The next request is made while the server is still starting again.
    await assertKilledMidAnswerRecovers(remote, serve.url, () => void serve.stop("SIGKILL"), () => { again = startServe(tiny, { port: serve.port }); });
  } finally {
    await serve.stop("SIGKILL");
    await (await again?.catch(() => undefined))?.stop();
  }
});

test("a remote engine on a public host is refused until enclave.network.allowedHosts lists it", async () => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny);
  // 198.51.100.4 (a documentation range) stands for a public host. The policy judges it as the
  // public address it is; strict test mode then pins the connection to 127.0.0.1, so even once
  // it is allowed no packet leaves the machine.
  const publicHost = "198.51.100.4";
  process.env.ENCLAVE_EGRESS_PINS = `${publicHost}=127.0.0.1`;
  const base = { engine: "remote", remote: { url: `http://${publicHost}:${serve.port}` }, completion: { maxTokens: 8 } };
  const server = await startServer({ ...base, network: { allowedHosts: [] } });
  delete process.env.ENCLAVE_EGRESS_PINS;
  let revived: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    const refused = await server.waitForStatus((s) => s.state === "error");
    assert.match(refused.message ?? "", /Enclave refused to connect to 198\.51\.100\.4:\d+: 198\.51\.100\.4 \(named by enclave\.remote\.url\) is a public address/);
    assert.match(refused.message ?? "", /public hosts must also be listed in enclave\.network\.allowedHosts\. Add "198\.51\.100\.4" there/);
    assert.match(refused.message ?? "", /Nothing was sent\.$/);

    server.setSettings({ ...base, network: { allowedHosts: [publicHost] } });
    const ready = await server.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.model?.name, "enclave-fixture-tiny");
    assert.equal(ready.backend?.remote?.server, "enclave serve");

    // An inline completion runs on the remote engine.
    const uri = pathToFileURL("/tmp/enclave-remote-test/example.py").href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text: code.repeat(4) } });
    await server.connection.sendRequest(InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line: 2, character: 4 }, context: { triggerKind: InlineCompletionTriggerKind.Invoked },
    });
    const metrics = await server.connection.sendRequest(MetricsRequest.type);
    assert.ok(metrics.engine.requests >= 1, JSON.stringify(metrics.engine));

    // The remote engine going down, and coming back, shows in the status.
    const complete = () => server.connection.sendRequest(InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line: 3, character: 4 }, context: { triggerKind: InlineCompletionTriggerKind.Invoked },
    });
    await serve.stop("SIGKILL");
    const seen = server.statuses.length;
    await complete();
    const down = await server.waitForStatus((s) => s.state === "error" && server.statuses.indexOf(s) >= seen, 20_000);
    assert.match(down.message ?? "", /The remote engine at http:\/\/198\.51\.100\.4:\d+ is not reachable \(ECONNREFUSED\)/);
    revived = await startServe(tiny, { port: serve.port });
    await complete();
    await server.waitForStatus((s) => s.state === "ready" && server.statuses.indexOf(s) > server.statuses.indexOf(down), 20_000);

    // The audit shows the refusal and the allowed connection, in the server and from the CLI.
    const audit = await server.connection.sendRequest(NetworkAuditRequest.type, {});
    const mine = audit.entries.filter((e) => e.host === publicHost && e.process === "server");
    assert.ok(mine.some((e) => e.outcome === "refused" && /allowedHosts/.test(e.reason ?? "")), JSON.stringify(mine));
    assert.ok(mine.some((e) => e.outcome !== "refused" && e.purpose === "remote-engine" && e.address === "127.0.0.1"), JSON.stringify(mine));
    assert.deepEqual(audit.policy.grants, [{ host: publicHost, purpose: "remote-engine", setting: "enclave.remote.url" }]);
    const cli = await runCli(["audit", "--last", "500"]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /198\.51\.100\.4:\d+ +127\.0\.0\.1 +remote-engine/);
    assert.match(cli.stdout, /refused/);
    assert.equal(audit.file, cli.stdout.split("\n")[0]!.replace("Enclave network audit — ", ""));
  } finally {
    await server.stop();
    await serve.stop();
    await revived?.stop();
  }
});

test("the language server runs its guard in strict mode when told: a non-loopback attempt is refused and fails it", async () => {
  // Here the violation is on purpose, so it goes to a file of its own instead of failing this run.
  const dir = mkdtempSync(join(tmpdir(), "enclave-strict-"));
  const inherited = process.env.ENCLAVE_EGRESS_STRICT;
  process.env.ENCLAVE_EGRESS_STRICT = join(dir, "violations.jsonl");
  const server = await startServer({ engine: "remote", remote: { url: "http://10.99.0.1:8012" } });
  process.env.ENCLAVE_EGRESS_STRICT = inherited;
  try {
    // The policy allows a private host the settings name; strict mode still refuses it before any packet is sent.
    const refused = await server.waitForStatus((s) => s.state === "error");
    assert.match(refused.message ?? "", /Enclave refused to connect to 10\.99\.0\.1:8012: strict egress mode \(ENCLAVE_EGRESS_STRICT\) allows loopback addresses only/);
  } finally {
    assert.equal(await server.stop(), 1, "a server that saw a violation exits with 1");
  }
  const violations = readFileSync(join(dir, "violations.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { process: string; host: string });
  assert.deepEqual(violations.map((v) => `${v.process} ${v.host}`), ["server 10.99.0.1"]);
});
