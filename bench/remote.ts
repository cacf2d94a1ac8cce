/**
 * `npm run bench:remote`: what a team gets from Enclave's remote engine against a real
 * llama-server (built by `npm run llama-server:build` from the llama.cpp source node-llama-cpp
 * ships), next to llama.vscode's way of calling the same server and to Enclave's local engine,
 * on the same model (bench.gguf) in one run.
 *
 * The replay: 30 characters typed on a new line in the middle of a 797-line JavaScript file.
 * Each keystroke asks for a 16-token completion, one side after the other (the order rotates,
 * so whatever else runs on the machine slows every side alike):
 *   - Enclave → llama-server: the prompt Enclave's completion feature builds (PromptBuilder, the
 *     model's template) through the remote engine, which sends it as FIM text to /completion
 *     with this client's KV slot;
 *   - llama.vscode → llama-server: /infill with llama.vscode's fields (256 lines above as
 *     input_prefix, the rest of the line and 64 lines below as input_suffix, the typed line as
 *     prompt, cache_prompt, --cache-reuse 256 on the server), samplers without "infill" so the
 *     random-weight model generates instead of stopping at once;
 *   - Enclave, local engine: the same PromptBuilder prompt in-process (node-llama-cpp).
 * Each llama-server path has a server of its own (-np 1, -t 2, llama.vscode's CPU preset), so
 * neither evicts the other's cache. Prompt tokens evaluated come from llama-server's own
 * timings (prompt_n) and are checked against its /metrics counter.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EngineMetricsCollector } from "../server/engine/metrics";
import { ModelManager } from "../server/engine/modelManager";
import { connectRemoteEngine } from "../server/engine/remoteConnect";
import type { Engine } from "../server/engine/types";
import { ContextRing } from "../server/completion/contextRing";
import { cursorLine } from "../server/completion/cursorLine";
import { pickTemplate } from "../server/completion/pickTemplate";
import { PromptBuilder } from "../server/completion/promptBuilder";
import { silentLogger } from "../server/logger";
import { percentile } from "../server/stats";
import { printTable } from "../server/textTable";
import { defaultSettings } from "../common/settings";
import { ensureModels } from "../test/fixtures/gguf";
import { startLlamaServer, type RunningLlamaServer } from "../test/remote/llamaServerHarness";
import { precondition, ratio, ratioAtLeast, ratioAtMost, verdict } from "./verdict";

const FILE = "node_modules/vscode-languageserver/lib/common/server.js";
const LINE = 400;
const TYPED_LINE = "const pending = this._requests";
/** `--keystrokes N` types only the first N characters (a busy machine), `--tiny` uses tiny.gguf (a quick check of the paths). */
const argValue = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const TYPED = TYPED_LINE.slice(0, Number(argValue("--keystrokes") ?? TYPED_LINE.length));
const TINY = process.argv.includes("--tiny");
const GENERATED = 16;
const CONTEXT = 4096;
const THREADS = 2;
/** The issue's goal: at most 10 prompt tokens evaluated per keystroke against llama-server. */
const MAX_EVALUATED = 10;

type Side = "Enclave → llama-server (/completion)" | "llama.vscode → llama-server (/infill)" | "Enclave, local engine";
interface Answer { readonly ms: number; readonly prompt: number; readonly evaluated: number; readonly generated: number }

/** The document and cursor after `k` typed characters. */
function documentAt(lines: readonly string[], k: number): { text: string; offset: number } {
  const before = lines.slice(0, LINE).join("\n") + "\n";
  const after = "\n" + lines.slice(LINE).join("\n");
  return { text: before + TYPED.slice(0, k) + after, offset: before.length + k };
}

/** One completion through an Enclave engine, with the prompt the completion feature would build. */
async function enclave(engine: Engine, builder: PromptBuilder, lines: readonly string[], k: number): Promise<Answer> {
  const template = pickTemplate(engine.model, engine.vocabulary).template;
  if (!template) throw new Error(`no FIM template for ${engine.model.name}`);
  const { text, offset } = documentAt(lines, k);
  const budgets = { prefixTokens: 1024, suffixTokens: 256, contextTokens: 512 };
  const prompt = builder.build({ uri: "file:///bench/server.js", languageId: "javascript", cursor: cursorLine(text, offset), facts: { mode: "single" } }, engine, template, budgets);
  const started = performance.now();
  const r = await engine.generate({ sequence: "completion", prompt, maxTokens: GENERATED, temperature: 0 });
  return { ms: performance.now() - started, prompt: r.promptTokens, evaluated: r.promptTokensEvaluated, generated: r.generatedTokens };
}

/** One completion as llama.vscode asks llama-server's /infill for it. */
async function infill(server: RunningLlamaServer, lines: readonly string[], k: number): Promise<Answer> {
  const body = {
    id_slot: 0, input_prefix: lines.slice(Math.max(0, LINE - 256), LINE).join("\n") + "\n", input_suffix: "\n" + lines.slice(LINE, LINE + 64).join("\n"),
    input_extra: [], prompt: TYPED.slice(0, k), n_predict: GENERATED, n_indent: 0, top_k: 40, top_p: 0.99, samplers: ["top_k", "top_p"],
    stream: false, cache_prompt: true, response_fields: ["content", "timings/prompt_n", "timings/predicted_n", "tokens_cached"],
  };
  const started = performance.now();
  const response = await fetch(`${server.url}/infill`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await response.json()) as Record<string, number>;
  if (!response.ok) throw new Error(`/infill answered ${response.status}: ${JSON.stringify(json)}`);
  return { ms: performance.now() - started, prompt: Number.NaN, evaluated: json["timings/prompt_n"] ?? Number.NaN, generated: json["timings/predicted_n"] ?? 0 };
}

async function main(): Promise<void> {
  const models = await ensureModels({ bench: !TINY });
  const model = TINY ? models.tiny : models.bench!;
  const lines = readFileSync(join(__dirname, "..", "..", FILE), "utf8").split("\n");
  const manager = new ModelManager({ log: silentLogger });
  const servers = await Promise.all([0, 1].map(() => startLlamaServer(model, { slots: 1, threads: THREADS, contextSize: CONTEXT, timeoutMs: 300_000 })));
  const [ours, theirs] = servers as [RunningLlamaServer, RunningLlamaServer];
  try {
    await manager.configure({ ...defaultSettings(), model, contextSize: CONTEXT, threads: THREADS });
    const local = await manager.engine();
    if (!local) throw new Error(`The model did not load: ${manager.status.message}`);
    const remote = await connectRemoteEngine({ ...defaultSettings(), engine: "remote", "remote.url": ours.url }, {
      // A cold 1,300-token prompt on a busy 2-core box can take longer than the default 30 s of silence.
      log: silentLogger, metrics: new EngineMetricsCollector(), http: { headersTimeoutMs: 600_000, idleTimeoutMs: 600_000 },
    });
    const builders = { remote: new PromptBuilder(new ContextRing()), local: new PromptBuilder(new ContextRing()) };
    const ask: Record<Side, (k: number) => Promise<Answer>> = {
      "Enclave → llama-server (/completion)": (k) => enclave(remote, builders.remote, lines, k),
      "llama.vscode → llama-server (/infill)": (k) => infill(theirs, lines, k),
      "Enclave, local engine": (k) => enclave(local, builders.local, lines, k),
    };
    const sides = Object.keys(ask) as Side[];
    const cold: Partial<Record<Side, Answer>> = {};
    const warm = Object.fromEntries(sides.map((s) => [s, [] as Answer[]])) as Record<Side, Answer[]>;
    const counters: number[] = [];
    for (let k = 0; k <= TYPED.length; k++) {
      if (k === 1) counters.push((await ours.metrics()).prompt_tokens_total!, (await theirs.metrics()).prompt_tokens_total!);
      for (let i = 0; i < sides.length; i++) {
        const side = sides[(i + k) % sides.length]!;
        const answer = await ask[side](k);
        if (k === 0) cold[side] = answer;
        else warm[side].push(answer);
      }
      // Progress on stderr: a cold start on a busy machine takes minutes, and a silent bench looks hung.
      process.stderr.write(`keystroke ${k} of ${TYPED.length}: ${sides.map((s) => `${(k === 0 ? cold[s]! : warm[s].at(-1)!).evaluated} tokens`).join(", ")}\n`);
    }
    const metricDelta = [(await ours.metrics()).prompt_tokens_total! - counters[0]!, (await theirs.metrics()).prompt_tokens_total! - counters[1]!];
    // The remote engine budgets its first prompt at a cautious three characters a token and then
    // learns the server's rate; a window it builds afresh (another file, a jump) shows what that buys.
    const relearned = await enclave(remote, new PromptBuilder(new ContextRing()), lines, TYPED.length);
    const localFresh = await enclave(local, new PromptBuilder(new ContextRing()), lines, TYPED.length);

    const p = (side: Side, q: number): number => percentile(warm[side].map((a) => a.ms), q);
    const tokens = (side: Side): number => percentile(warm[side].map((a) => a.evaluated), 50);
    const mean = (side: Side): number => warm[side].reduce((s, a) => s + a.evaluated, 0) / warm[side].length;
    console.log(`\nRemote engine vs llama.vscode's /infill vs local — ${local.model.name}, ${(local.model.sizeBytes / 1e6).toFixed(0)} MB, ${THREADS} threads each, ${TYPED.length} keystrokes typed at line ${LINE + 1} of a ${lines.length}-line JS file, ${GENERATED} tokens each\n`);
    printTable(["path", "cold prompt tokens", "cold ms", "prompt tokens evaluated / keystroke (median)", "(mean)", "p50 ms", "p95 ms"],
      sides.map((s) => [s, cold[s]!.evaluated, cold[s]!.ms, tokens(s), mean(s), p(s, 50), p(s, 95)]));
    const A = sides[0]!, B = sides[1]!, L = sides[2]!;
    console.log("");
    printTable(["a window built afresh at the last keystroke (same budgets)", "prompt tokens"], [
      ["Enclave → llama-server, its first window (three characters a token)", cold[A]!.prompt],
      ["Enclave → llama-server, after learning the server's rate", relearned.prompt],
      ["Enclave, local engine (its own tokenizer)", localFresh.prompt],
    ]);
    console.log("");
    printTable(["ratio", "value"], [
      ["prompt tokens per keystroke, /infill / Enclave remote (mean)", `${ratio(mean(B), mean(A)).toFixed(1)}x`],
      ["latency p50, Enclave remote / /infill", `${ratio(p(A, 50), p(B, 50)).toFixed(3)}x`],
      ["latency p95, Enclave remote / /infill", `${ratio(p(A, 95), p(B, 95)).toFixed(3)}x`],
      ["latency p50, Enclave remote / Enclave local", `${ratio(p(A, 50), p(L, 50)).toFixed(3)}x`],
    ]);
    const n = TYPED.length;
    verdict("Remote bench", [
      precondition("keystrokes answered per path", sides.map((s) => warm[s].length).join(" / "), `${n} each`, sides.every((s) => warm[s].length === n)),
      precondition("answers with generated tokens", sides.map((s) => warm[s].filter((a) => a.generated > 0).length).join(" / "), `${n} each`, sides.every((s) => warm[s].every((a) => a.generated > 0))),
      precondition("timings agree with llama-server's /metrics counter", `${metricDelta.join(" / ")} vs ${[A, B].map((s) => warm[s].reduce((t, a) => t + a.evaluated, 0)).join(" / ")}`, "equal",
        metricDelta[0] === warm[A].reduce((t, a) => t + a.evaluated, 0) && metricDelta[1] === warm[B].reduce((t, a) => t + a.evaluated, 0)),
      ratioAtMost("prompt tokens evaluated per keystroke, Enclave remote (median)", tokens(A), MAX_EVALUATED, " tokens"),
      ratioAtLeast("prompt tokens per keystroke, /infill / Enclave remote (mean)", ratio(mean(B), mean(A)), 5),
      // On the tiny model a prompt token costs next to nothing, so latency there says nothing about prompts.
      ...(TINY ? [] : [ratioAtMost("latency p50, Enclave remote / /infill", ratio(p(A, 50), p(B, 50)), 1)]),
    ]);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await manager.dispose();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
