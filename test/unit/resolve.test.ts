import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { catalog, ModelSettingError, parseModelSetting, recommendModel } from "../../server/engine/resolve";

const options = { modelsDirectory: "/models", endpoint: "https://huggingface.co/", baseDirectory: "/ws" };

test("hf: URIs map to the Hugging Face resolve URL and a stable local path", () => {
  const source = parseModelSetting("hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/qwen2.5-coder-0.5b-instruct-q8_0.gguf", options);
  assert.deepEqual(source, {
    kind: "hf",
    uri: "hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/qwen2.5-coder-0.5b-instruct-q8_0.gguf",
    url: "https://huggingface.co/Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/resolve/main/qwen2.5-coder-0.5b-instruct-q8_0.gguf",
    path: join("/models", "Qwen", "Qwen2.5-Coder-0.5B-Instruct-GGUF", "qwen2.5-coder-0.5b-instruct-q8_0.gguf"),
  });
});

test("relative paths are taken from the workspace folder", () => {
  assert.deepEqual(parseModelSetting("models/a.gguf", options), { kind: "path", path: join("/ws", "models", "a.gguf") });
});

test("malformed URIs and plain URLs are refused with a message saying the accepted forms", () => {
  assert.throws(() => parseModelSetting("hf:just-a-name", options), ModelSettingError);
  assert.throws(() => parseModelSetting("hf:o/r/../../etc/x.gguf", options), /unsafe/);
  assert.throws(() => parseModelSetting("https://example.com/m.gguf", options), /hf:owner\/repo\/file\.gguf/);
});

test("the recommendation follows free VRAM, RAM and cores", () => {
  assert.equal(recommendModel({ gpu: true, vramFreeBytes: 8e9, ramFreeBytes: 16e9, physicalCores: 8 }), catalog.gpu);
  assert.equal(recommendModel({ gpu: true, vramFreeBytes: 2e9, ramFreeBytes: 16e9, physicalCores: 8 }), catalog.cpuLarge);
  assert.equal(recommendModel({ gpu: false, vramFreeBytes: 0, ramFreeBytes: 16e9, physicalCores: 2 }), catalog.cpuSmall);
});
