import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultSettings, parseSettings, reloadKeys, settingsSchema, type SettingKey, type SettingSpec } from "../../common/settings";

const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
};

test("package.json contributes exactly the settings of the schema, with the same types and defaults", () => {
  const contributed = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(contributed).sort(), Object.keys(settingsSchema).map((k) => `enclave.${k}`).sort());
  for (const [key, spec] of Object.entries(settingsSchema)) {
    const entry = contributed[`enclave.${key}`]!;
    assert.equal(entry.type, spec.type, key);
    assert.deepEqual(entry.default, spec.default, key);
    assert.equal(entry.description, spec.description, key);
    assert.deepEqual(entry.enum, "enum" in spec ? spec.enum : undefined, key);
    assert.equal(entry.minimum, "minimum" in spec ? spec.minimum : undefined, key);
    assert.equal(entry.maximum, "maximum" in spec ? spec.maximum : undefined, key);
  }
});

test("nested settings as workspace/configuration returns them are read", () => {
  const { settings, problems } = parseSettings({ model: "/m.gguf", completion: { enable: false, maxTokens: 12 }, log: { level: "debug" } });
  assert.deepEqual(problems, []);
  assert.equal(settings.model, "/m.gguf");
  assert.equal(settings["completion.enable"], false);
  assert.equal(settings["completion.maxTokens"], 12);
  assert.equal(settings["log.level"], "debug");
});

test("wrong values are reported by name and replaced by the default", () => {
  const { settings, problems } = parseSettings({ gpu: "quantum", threads: -3, contextSize: "big", "completion.temperature": 0.2, bogus: 1 });
  assert.equal(settings.gpu, "auto");
  assert.equal(settings.threads, 0);
  assert.equal(settings.contextSize, defaultSettings().contextSize);
  assert.equal(settings["completion.temperature"], 0.2);
  const text = problems.map((p) => p.message).join("\n");
  assert.match(text, /enclave\.gpu: "quantum" is not one of "auto", "cuda", "vulkan", "metal", "off"/);
  assert.match(text, /enclave\.threads: -3 is outside 0\.\.256/);
  assert.match(text, /enclave\.contextSize: expected a number/);
  assert.match(text, /Unknown setting enclave\.bogus/);
});

test("min <= max rules between settings clamp the smaller one, naming both", () => {
  const { settings, problems } = parseSettings({ completion: { debounceMinMs: 900, debounceMaxMs: 100 } });
  assert.equal(settings["completion.debounceMinMs"], 100);
  assert.equal(settings["completion.debounceMaxMs"], 100);
  assert.deepEqual(problems, [{
    key: "enclave.completion.debounceMinMs", fix: "clamped", reason: "900 is more than enclave.completion.debounceMaxMs (100)",
    message: "enclave.completion.debounceMinMs: 900 is more than enclave.completion.debounceMaxMs (100); using 100.",
  }]);
  // A wrong max falls back to its default first; the rule then holds the min to that default.
  const fallback = parseSettings({ completion: { debounceMinMs: 400, debounceMaxMs: -1 } });
  assert.equal(fallback.settings["completion.debounceMaxMs"], 250);
  assert.equal(fallback.settings["completion.debounceMinMs"], 250);
  assert.deepEqual(fallback.problems.map((p) => p.fix), ["default", "clamped"]);
});

test("threads are clamped to the CPUs the machine runs at once, with a warning; 0 (automatic) and fitting values pass", () => {
  const clamped = parseSettings({ threads: 256 }, { cpuThreads: 2 });
  assert.equal(clamped.settings.threads, 2);
  assert.equal(clamped.problems.length, 1);
  assert.equal(clamped.problems[0]!.fix, "clamped");
  assert.match(clamped.problems[0]!.message, /^enclave\.threads: 256 is more than the 2 CPU threads this machine runs at once, and extra threads only wait for each other; using 2\.$/);
  assert.match(parseSettings({ threads: 3 }, { cpuThreads: 1 }).problems[0]!.message, /the 1 CPU thread this machine/);
  for (const threads of [0, 1, 2]) assert.deepEqual(parseSettings({ threads }, { cpuThreads: 2 }).problems, []);
  // Out of the schema's range: the default, not a clamp.
  const wrong = parseSettings({ threads: 9999 }, { cpuThreads: 2 });
  assert.equal(wrong.settings.threads, 0);
  assert.deepEqual(wrong.problems.map((p) => [p.fix, p.reason]), [["default", "9999 is outside 0..256"]]);
});

test("the settings that reload the model come from the schema's reload flag; remote-only ones count only for the network", () => {
  const local = reloadKeys("local");
  const remote = reloadKeys("remote");
  assert.deepEqual(local, ["model", "modelSha256", "modelsDirectory", "huggingFaceEndpoint", "gpu", "gpuLayers", "threads", "contextSize", "draftModel", "engine"]);
  assert.deepEqual(remote, [...local.slice(0, 9), "engine", "remote.url", "remote.model", "remote.fimTemplate", "network.allowedHosts"]);
  for (const key of Object.keys(settingsSchema) as SettingKey[]) {
    const spec: SettingSpec = settingsSchema[key];
    assert.equal(remote.includes(key), spec.reload === true, key);
  }
});
