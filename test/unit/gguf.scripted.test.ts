// Checks the scripted fixture model (scripted.gguf) end to end: its vocabulary
// makes every trigger a single token, and real llama.cpp, driven through our
// own engine exactly as the server drives it, generates each script's text and
// then stops by itself.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ModelManager } from "../../server/engine/modelManager";
import type { Engine, PromptPiece } from "../../server/engine/types";
import { silentLogger } from "../../server/logger";
import { defaultSettings } from "../../common/settings";
import {
  type ModelScript,
  SCRIPTED_CONTEXT_MARKER,
  SCRIPTED_WORKSPACE_MARKER,
  SCRIPTED_MODEL,
  SCRIPTED_MODEL_SCRIPTS,
  SCRIPTED_SPECIAL_TOKEN_IDS,
  ensureModels,
  ensureScriptedModel,
  readGgufMetadata,
} from "../fixtures/gguf";
import { BpeEncoder } from "../fixtures/gguf/BpeEncoder";
import { textToVocabForm } from "../fixtures/gguf/byteUnicode";
import { sha256File } from "../fixtures/gguf/modelCache";
import { buildScriptedTokenizer } from "../fixtures/gguf/scriptedTokenizer";

const allScripts: Array<[string, ModelScript]> = Object.entries(SCRIPTED_MODEL_SCRIPTS);
const completionScripts = allScripts.filter(
  (entry): entry is [string, ModelScript & { linePrefix: string }] => entry[1].linePrefix !== undefined,
);

/** The FIM prompt our Qwen template builds: file header, prefix, suffix, then the cursor line's text last. */
function fimPrompt(linesAbove: string, linePrefix: string, suffix = "\n\nprint(add(1, 2))\n"): PromptPiece[] {
  return [
    { token: "fimFileSep" }, "app.py\n",
    { token: "fimPrefix" }, linesAbove,
    { token: "fimSuffix" }, suffix,
    { token: "fimMiddle" }, linePrefix,
  ];
}

/** Loads the scripted model through the same manager the server uses: real node-llama-cpp, one thread. */
async function withScriptedEngine(run: (engine: Engine) => Promise<void>): Promise<void> {
  const { scripted } = await ensureModels();
  const manager = new ModelManager({ log: silentLogger, storageDirectory: fs.mkdtempSync(path.join(os.tmpdir(), "enclave-models-")) });
  try {
    await manager.configure({ ...defaultSettings(), model: scripted, gpu: "off", threads: 1, contextSize: 2048 });
    const engine = await manager.engine();
    assert.ok(engine, JSON.stringify(manager.status));
    await run(engine);
  } finally {
    await manager.dispose();
  }
}

test("every trigger is one token and every example line prefix ends with its trigger", () => {
  const { tokenizer, successors, defaultStart } = buildScriptedTokenizer(SCRIPTED_MODEL.baseVocabSize, SCRIPTED_MODEL.vocabSize);
  assert.equal(tokenizer.tokens.length, SCRIPTED_MODEL.vocabSize);
  assert.equal(new Set(tokenizer.tokens).size, tokenizer.tokens.length, "token strings must be unique");
  assert.equal(tokenizer.tokens[SCRIPTED_SPECIAL_TOKEN_IDS["<|endoftext|>"]], "<|endoftext|>");
  const encoder = new BpeEncoder(tokenizer.merges);
  const idOf = (token: string): number => tokenizer.tokens.indexOf(token);
  for (const [name, script] of allScripts) {
    assert.equal(script.text, script.pieces.join(""), name);
    // Each piece is a token of its own, followed by the next piece and finally by the end token.
    const chain = script.pieces.map((piece) => idOf(textToVocabForm(piece)));
    chain.forEach((id, i) => assert.equal(successors.get(id), chain[i + 1] ?? SCRIPTED_SPECIAL_TOKEN_IDS[script.end], `${name} piece ${i}`));
    if (script.trigger === undefined) {
      assert.equal(chain[0], defaultStart);
      continue;
    }
    assert.deepEqual(encoder.encodeText(script.trigger), [textToVocabForm(script.trigger)], `${name} trigger`);
    assert.equal(successors.get(idOf(textToVocabForm(script.trigger))), chain[0]);
    if (script.linePrefix !== undefined) {
      assert.equal(encoder.encodeText(script.linePrefix).at(-1), textToVocabForm(script.trigger), `${name} line prefix`);
    }
  }
});

test("the scripted model is deterministic, cached, and has the llama shape it claims", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-gguf-"));
  try {
    const first = ensureScriptedModel(path.join(dir, "a"));
    const second = ensureScriptedModel(path.join(dir, "b"));
    assert.equal(first.status, "generated");
    assert.equal(sha256File(first.path), sha256File(second.path));
    assert.equal(ensureScriptedModel(path.join(dir, "a")).status, "reused");
    const header = readGgufMetadata(first.path);
    assert.equal(header.metadata["general.name"], "enclave-fixture-scripted");
    assert.equal(header.metadata["llama.embedding_length"], SCRIPTED_MODEL.embeddingLength);
    assert.equal((header.metadata["tokenizer.ggml.tokens"] as string[]).length, SCRIPTED_MODEL.vocabSize);
    assert.equal(header.metadata["tokenizer.ggml.fim_mid_token_id"], SCRIPTED_SPECIAL_TOKEN_IDS["<|fim_middle|>"]);
    assert.ok(first.bytes < 8_000_000, `${first.bytes} bytes`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("greedy FIM completions follow the scripts and stop by themselves", async () => {
  await withScriptedEngine(async (engine) => {
    for (const [name, script] of completionScripts) {
      const maxTokens = 64;
      const result = await engine.generate({ sequence: "completion", prompt: fimPrompt(script.linesAbove ?? "", script.linePrefix), maxTokens });
      assert.equal(result.text, script.text, name);
      // Fewer tokens than allowed: the end token stopped generation, not the limit.
      assert.equal(result.generatedTokens, script.pieces.length, name);
    }
    // An empty line prefix leaves <|fim_middle|> last, which has no successor: the default script.
    const empty = await engine.generate({ sequence: "completion", prompt: fimPrompt("def add(a, b):\n    x = 1\n", ""), maxTokens: 64 });
    assert.equal(empty.text, SCRIPTED_MODEL_SCRIPTS.default.text);
    // So does ordinary code that ends in no trigger.
    const ordinary = await engine.generate({ sequence: "completion", prompt: fimPrompt("", "    total = compute(values"), maxTokens: 64 });
    assert.equal(ordinary.text, SCRIPTED_MODEL_SCRIPTS.default.text);
  });
});

test("the chat answer follows its script, turn after turn, and ends at <|im_end|>", async () => {
  await withScriptedEngine(async (engine) => {
    const { chat } = SCRIPTED_MODEL_SCRIPTS;
    const messages = [
      { role: "system" as const, content: "You are a careful coding assistant." },
      { role: "user" as const, content: "How do I run a shell command from Python?" },
    ];
    const chunks: string[] = [];
    const first = await engine.chat({ messages, maxTokens: 256, temperature: 0, onText: (chunk) => chunks.push(chunk) });
    assert.equal(first.text, chat.text);
    assert.equal(chunks.join(""), chat.text);
    assert.equal(first.generatedTokens, chat.pieces.length);
    const second = await engine.chat({
      messages: [...messages, { role: "assistant", content: first.text }, { role: "user", content: "And without a shell?" }],
      maxTokens: 256,
      temperature: 0,
    });
    assert.equal(second.text, chat.text);
  });
});

test("the scripts survive sampling and are identical across runs", async () => {
  const outputs: string[] = [];
  for (let run = 0; run < 2; run++) {
    await withScriptedEngine(async (engine) => {
      const { insecureCompletion: script } = SCRIPTED_MODEL_SCRIPTS;
      // Completion candidates after the first are sampled (temperature 0.7 in the server) and chat defaults to 0.2.
      for (const [temperature, seed] of [[0, 0], [0.7, 1], [1, 2]] as const) {
        const prompt = fimPrompt(script.linesAbove, script.linePrefix);
        const result = await engine.generate({ sequence: "completion", prompt, maxTokens: 64, temperature, seed });
        assert.equal(result.text, script.text, `temperature ${temperature}`);
        outputs.push(result.text);
      }
      outputs.push((await engine.chat({ messages: [{ role: "user", content: "Hi" }], maxTokens: 256, temperature: 0.2 })).text);
    });
  }
  assert.deepEqual(outputs.slice(0, 4), outputs.slice(4));
  assert.equal(outputs[3], SCRIPTED_MODEL_SCRIPTS.chat.text);
});

// node-llama-cpp's sequence.evaluate() hides end-of-generation tokens unless asked with
// yieldEogToken; the engine asks, so a model that stops by itself is reported as "eos".
test("a script that ends by itself is reported as stopReason eos", async () => {
  await withScriptedEngine(async (engine) => {
    const { default: script } = SCRIPTED_MODEL_SCRIPTS;
    const result = await engine.generate({ sequence: "completion", prompt: fimPrompt(script.linesAbove, script.linePrefix), maxTokens: 64 });
    assert.equal(result.stopReason, "eos");
  });
});

test("a chat prompt holding the context marker anywhere is answered with the marker script, and only then", async () => {
  await withScriptedEngine(async (engine) => {
    const { chat } = SCRIPTED_MODEL_SCRIPTS;
    const ask = (content: string) => engine.chat({ messages: [{ role: "system", content: "You are a careful coding assistant." }, { role: "user", content }], maxTokens: 64, temperature: 0.2 });
    const attached = `Explain this file:\n\n\`\`\`python\nimport os\n\ndef run(cmd):  #${SCRIPTED_CONTEXT_MARKER.marker}\n    os.system(cmd)\n\`\`\`\n`;
    assert.equal((await ask(attached)).text, SCRIPTED_CONTEXT_MARKER.text, "the marker deep in the prompt changes the answer");
    assert.equal((await ask(attached.replace(SCRIPTED_CONTEXT_MARKER.marker, " marker"))).text, chat.text, "the same prompt without it gets the chat script");
    const far = `${"x = 1\n".repeat(120)}#${SCRIPTED_CONTEXT_MARKER.marker}\n${"y = 2\n".repeat(120)}What is this?`;
    assert.equal((await ask(far)).text, SCRIPTED_CONTEXT_MARKER.text, "a marker hundreds of tokens back still counts");
  });
});

test("the @workspace marker gets its own answer, and the context marker still gets its", async () => {
  await withScriptedEngine(async (engine) => {
    const ask = (content: string) => engine.chat({ messages: [{ role: "system", content: "You are a careful coding assistant." }, { role: "user", content }], maxTokens: 64, temperature: 0.2 });
    const retrieved = `Where is it?\n\napp/retry.go:17-31\n\`\`\`go\n// RetryWithBackoff calls fn (test marker:${SCRIPTED_WORKSPACE_MARKER.marker}).\nfunc RetryWithBackoff() {}\n\`\`\`\n`;
    assert.equal((await ask(retrieved)).text, SCRIPTED_WORKSPACE_MARKER.text);
    assert.equal((await ask(retrieved.replace(SCRIPTED_WORKSPACE_MARKER.marker, " marker"))).text, SCRIPTED_MODEL_SCRIPTS.chat.text);
    assert.equal((await ask(`x = 1  #${SCRIPTED_CONTEXT_MARKER.marker}\nWhat is this?`)).text, SCRIPTED_CONTEXT_MARKER.text);
  });
});
