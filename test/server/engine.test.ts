import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelManager } from "../../server/engine/modelManager";
import type { Engine } from "../../server/engine/types";
import { silentLogger } from "../../server/logger";
import { defaultSettings, type EnclaveSettings } from "../../common/settings";
import { ensureModels } from "../fixtures/gguf";

/** Loads a model through the same manager the server uses; real node-llama-cpp, no fakes. */
async function open(model: string, overrides: Partial<EnclaveSettings> = {}): Promise<{ manager: ModelManager; engine: Engine | undefined }> {
  const manager = new ModelManager({ log: silentLogger, storageDirectory: mkdtempSync(join(tmpdir(), "enclave-models-")) });
  await manager.configure({ ...defaultSettings(), model, ...overrides });
  return { manager, engine: await manager.engine() };
}

const code = `import os\n\ndef read_config(path):\n    with open(path) as f:\n        return f.read()\n\n`;
const fim = (prefix: string, suffix: string) => [{ token: "fimPrefix" as const }, prefix, { token: "fimSuffix" as const }, suffix, { token: "fimMiddle" as const }];

test("the generated model loads on the CPU with explicit threads and generates", async () => {
  const { tiny } = await ensureModels();
  const { manager, engine } = await open(tiny);
  try {
    assert.ok(engine, JSON.stringify(manager.status));
    assert.equal(manager.status.state, "ready");
    assert.equal(engine.backend.gpu, "cpu");
    assert.equal(engine.backend.threads, 1, "tiny models run on one thread");
    assert.equal(engine.model.fim, true);
    assert.equal(engine.model.demo, false, "a random-weight test model is not the demo model");
    const r = await engine.generate({ sequence: "completion", prompt: fim(code, ""), maxTokens: 24 });
    assert.equal(r.generatedTokens, 24);
    assert.ok(r.text.length > 0);
  } finally {
    await manager.dispose();
  }
});

test("greedy output is identical across two independently loaded models", async () => {
  const { tiny } = await ensureModels();
  const outputs: string[] = [];
  for (let run = 0; run < 2; run++) {
    const { manager, engine } = await open(tiny);
    try {
      outputs.push((await engine!.generate({ sequence: "completion", prompt: fim(code, "\nprint(1)\n"), maxTokens: 48 })).text);
    } finally {
      await manager.dispose();
    }
  }
  assert.equal(outputs[0], outputs[1]);
  assert.ok(outputs[0]!.length > 10);
});

test("a prompt grown by a few characters evaluates only the new tokens", async () => {
  const { tiny } = await ensureModels();
  const { manager, engine } = await open(tiny);
  try {
    const long = code.repeat(20);
    const first = await engine!.generate({ sequence: "completion", prompt: fim(long, ""), maxTokens: 4 });
    assert.equal(first.promptTokensReused, 0);
    const before = manager.metrics.snapshot().promptTokensEvaluated;
    // Mimics typing: the same prompt with five more characters at its end.
    const second = await engine!.generate({ sequence: "completion", prompt: [...fim(long, ""), "def w"], maxTokens: 4 });
    const evaluated = manager.metrics.snapshot().promptTokensEvaluated - before;
    assert.equal(evaluated, second.promptTokensEvaluated);
    assert.ok(second.promptTokens > 500, `prompt of ${second.promptTokens} tokens`);
    assert.ok(evaluated <= 5, `evaluated ${evaluated} tokens, expected only the new ones`);
    assert.equal(second.promptTokensReused, second.promptTokens - evaluated);
  } finally {
    await manager.dispose();
  }
});

test("chat runs on its own sequence and does not evict the completion cache", async () => {
  const { tiny } = await ensureModels();
  const { manager, engine } = await open(tiny);
  try {
    const prompt = fim(code.repeat(10), "");
    await engine!.generate({ sequence: "completion", prompt, maxTokens: 2 });
    await engine!.generate({ sequence: "chat", prompt: ["Explain this code: ", code.repeat(10)], maxTokens: 8 });
    const again = await engine!.generate({ sequence: "completion", prompt, maxTokens: 2 });
    assert.equal(again.promptTokensEvaluated, 1);
  } finally {
    await manager.dispose();
  }
});

test("aborting a long generation returns within 100 ms", async () => {
  const { tiny } = await ensureModels();
  const { manager, engine } = await open(tiny, { contextSize: 8192 });
  try {
    const controller = new AbortController();
    let abortedAt = 0;
    let tokens = 0;
    const done = engine!.generate({
      sequence: "completion", prompt: fim(code, ""), maxTokens: 8000, signal: controller.signal,
      onText: () => {
        if (++tokens === 50) { abortedAt = performance.now(); controller.abort(); }
      },
    });
    const result = await done;
    const latency = performance.now() - abortedAt;
    assert.equal(result.stopReason, "abort");
    assert.ok(result.generatedTokens < 8000);
    assert.ok(latency < 100, `returned ${latency.toFixed(1)} ms after the abort`);
  } finally {
    await manager.dispose();
  }
});

test("bad model files give a clear error naming the file and the cause", async () => {
  const { tiny } = await ensureModels();
  const dir = mkdtempSync(join(tmpdir(), "enclave-bad-"));
  const truncated = join(dir, "truncated.gguf");
  writeFileSync(truncated, readFileSync(tiny).subarray(0, 200_000));
  const notGguf = join(dir, "notes.gguf");
  writeFileSync(notGguf, "this is a text file, not a model\n".repeat(50));
  const headerOnly = join(dir, "header.gguf");
  writeFileSync(headerOnly, readFileSync(tiny).subarray(0, 30));
  const cases: Array<[string, RegExp]> = [
    [join(dir, "missing.gguf"), /missing\.gguf.*(no such file|does not exist|ENOENT)/i],
    [truncated, /truncated\.gguf cannot be used: the file is truncated/],
    [notGguf, /notes\.gguf cannot be used: it is not a GGUF model \(it starts with the bytes 74686973, not "GGUF"\)/],
    [headerOnly, /header\.gguf cannot be used: its GGUF header is corrupt or truncated: it declares \d+ metadata entries, but only 6 bytes of the file remain/],
  ];
  for (const [path, expected] of cases) {
    const { manager, engine } = await open(path);
    assert.equal(engine, undefined, path);
    assert.equal(manager.status.state, "error");
    assert.match(manager.status.message ?? "", expected);
    await manager.dispose();
  }
  // The same manager recovers once the setting points at a good file.
  const { manager } = await open(join(dir, "missing.gguf"));
  copyFileSync(tiny, join(dir, "good.gguf"));
  await manager.configure({ ...defaultSettings(), model: join(dir, "good.gguf") });
  assert.equal(manager.status.state, "ready");
  await manager.dispose();
});

test("chat renders the model's template, streams, and reuses earlier turns from the cache", async () => {
  const { tiny } = await ensureModels();
  const { manager, engine } = await open(tiny);
  try {
    const chunks: string[] = [];
    const messages = [{ role: "system" as const, content: "You are a coding assistant." }, { role: "user" as const, content: "What does read_config do?\n" + code }];
    const first = await engine!.chat({ messages, maxTokens: 16, onText: (c) => chunks.push(c) });
    assert.equal(first.generatedTokens, 16);
    assert.equal(chunks.join(""), first.text);
    assert.ok(engine!.countChatTokens(messages) > 20);
    const second = await engine!.chat({ messages: [...messages, { role: "assistant", content: first.text }, { role: "user", content: "Thanks." }], maxTokens: 4 });
    assert.ok(second.promptTokensReused >= engine!.countChatTokens(messages) - 2, `reused ${second.promptTokensReused}`);
  } finally {
    await manager.dispose();
  }
});
