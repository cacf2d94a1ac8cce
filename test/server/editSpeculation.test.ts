// The edit sequence's speculative decoding on real llama.cpp: copy.gguf's greedy answer copies
// the prompt (with a few substitutions), so prompt lookup and a draft model must predict most of
// it, and the answer must be exactly the one generated without prediction. A draft model with
// another vocabulary is refused with a message naming both models, and the main model still serves.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSettings, type EnclaveSettings } from "../../common/settings";
import { loadLocalModel } from "../../server/engine/llama";
import { ModelManager } from "../../server/engine/modelManager";
import type { ChatMessage } from "../../server/engine/types";
import { silentLogger } from "../../server/logger";
import { COPY_MODEL, copyEditMessages, defaultModelsDir, ensureCopyModel, ensureModels } from "../fixtures/gguf";

const code = [
  "function total(list) {",
  "  let sum = 0;",
  "  for (let index = 0; index < list.length; index++) {",
  "    const item = list[index];",
  "    if (item.enabled && item.count > 0) {",
  "      sum += item.price * item.count;",
  "    }",
  "  }",
  "  return sum;",
  "}",
  "",
].join("\n");
/** What copy.gguf answers: the fenced code with " item" and " index" substituted (not "[index" or "(item": other tokens). */
const expected = "```js\n" + code.replace(/ item\b/g, " entry").replace(/ index\b/g, " position") + "```\n";

/** The copy model's prompt for `code`, laid out with the model's own tokenizer and chat template. */
async function editMessages(path: string): Promise<ChatMessage[]> {
  const local = await loadLocalModel({ path, gpu: "off", gpuLayers: 0, threads: 1, contextSize: 2048, log: silentLogger, autoThreads: () => 1 });
  try {
    return copyEditMessages(local, COPY_MODEL, "Rename item to entry and index to position.", "js", code);
  } finally {
    await local.dispose();
  }
}

async function open(settings: Partial<EnclaveSettings>): Promise<ModelManager> {
  const manager = new ModelManager({ log: silentLogger, storageDirectory: mkdtempSync(join(tmpdir(), "enclave-models-")) });
  await manager.configure({ ...defaultSettings(), gpu: "off", threads: 1, contextSize: 2048, ...settings });
  return manager;
}

test("prompt lookup predicts most of a copying edit, and the answer is the one without prediction", async () => {
  const model = ensureCopyModel(defaultModelsDir()).path;
  const messages = await editMessages(model);
  const manager = await open({ model });
  try {
    const engine = await manager.engine();
    assert.ok(engine, JSON.stringify(manager.status));
    assert.equal(engine.backend.editPredictor, "prompt lookup");
    const plain = await engine.chat({ messages, sequence: "chat", maxTokens: 300, temperature: 0 });
    const edit = await engine.chat({ messages, sequence: "edit", maxTokens: 300, temperature: 0 });
    assert.equal(plain.text, expected, "the fixture copies its input");
    assert.equal(edit.text, plain.text, "speculation never changes greedy output");
    assert.equal(edit.generatedTokens, plain.generatedTokens);
    assert.equal(edit.predictor, "input");
    assert.ok(edit.acceptedDraftTokens! > edit.generatedTokens / 2, `accepted ${edit.acceptedDraftTokens} of ${edit.generatedTokens}`);
    assert.equal(plain.acceptedDraftTokens, undefined, "the chat sequence has no predictor");
    // The cache holds the prompt and the answer and no refuted draft: a follow-up reuses all of it
    // (the answer's end-of-turn token was sampled, never evaluated, hence the one token less).
    const followUp = await engine.chat({ messages: [...messages, { role: "assistant", content: edit.text }, { role: "user", content: "Thanks." }], sequence: "edit", maxTokens: 1, temperature: 0 });
    assert.equal(followUp.promptTokensReused, edit.promptTokens + edit.generatedTokens, JSON.stringify(followUp));
    // A cut-short edit keeps a valid cache: the same prompt again gives the same answer from the reused prefix.
    const short = await engine.chat({ messages, sequence: "edit", maxTokens: 7, temperature: 0 });
    assert.equal(short.generatedTokens, 7);
    assert.ok(expected.startsWith(short.text), JSON.stringify(short.text));
    const again = await engine.chat({ messages, sequence: "edit", maxTokens: 300, temperature: 0 });
    assert.equal(again.text, expected);
    assert.ok(again.promptTokensReused > 0);
  } finally {
    await manager.dispose();
  }
});

test("a draft model with the same vocabulary drafts for edits without changing the answer", async () => {
  const model = ensureCopyModel(defaultModelsDir()).path;
  const messages = await editMessages(model);
  // The model itself is a draft model with the same vocabulary that always drafts right.
  const manager = await open({ model, draftModel: model });
  try {
    const engine = await manager.engine();
    assert.ok(engine, JSON.stringify(manager.status));
    assert.match(engine.backend.editPredictor ?? "", /^draft model "enclave-fixture-copy"/);
    assert.equal(manager.status.message, undefined);
    const edit = await engine.chat({ messages, sequence: "edit", maxTokens: 300, temperature: 0 });
    assert.equal(edit.text, expected);
    assert.equal(edit.predictor, "draft");
    assert.ok(edit.acceptedDraftTokens! > edit.generatedTokens / 2, `accepted ${edit.acceptedDraftTokens} of ${edit.generatedTokens}`);
  } finally {
    await manager.dispose();
  }
});

test("a draft model with another vocabulary is refused by name, and edits fall back to prompt lookup", async () => {
  const model = ensureCopyModel(defaultModelsDir()).path;
  const { scripted } = await ensureModels();
  const manager = await open({ model, draftModel: scripted });
  try {
    const engine = await manager.engine();
    assert.ok(engine, JSON.stringify(manager.status));
    assert.equal(manager.status.state, "ready");
    assert.match(manager.status.message ?? "", /The draft model "enclave-fixture-scripted" \(.*scripted\.gguf\) is not used: its vocabulary differs from the model "enclave-fixture-copy"'s \(1,280 tokens against 1,024\)/);
    assert.equal(engine.backend.editPredictor, "prompt lookup");
    const edit = await engine.chat({ messages: await editMessages(model), sequence: "edit", maxTokens: 300, temperature: 0 });
    assert.equal(edit.text, expected);
  } finally {
    await manager.dispose();
  }
});

test("a missing draft model is reported and the main model still loads", async () => {
  const model = ensureCopyModel(defaultModelsDir()).path;
  const manager = await open({ model, draftModel: join(tmpdir(), "no-such-draft.gguf") });
  try {
    const engine = await manager.engine();
    assert.ok(engine, JSON.stringify(manager.status));
    assert.match(manager.status.message ?? "", /draft model .*no-such-draft\.gguf is not used .*does not exist/);
    assert.equal(engine.backend.editPredictor, "prompt lookup");
  } finally {
    await manager.dispose();
  }
});
