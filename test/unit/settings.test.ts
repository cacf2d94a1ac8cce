import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultSettings, parseSettings, settingsSchema } from "../../common/settings";

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
