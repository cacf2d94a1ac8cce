/**
 * The next-edit model's failures (server/nextEdit/nextEditModel.ts): a model that cannot be used
 * is reported at once on later predictions and not tried again on every pause, but the first
 * prediction after a wait (one minute, then doubling) tries again — once, however many
 * predictions ask meanwhile.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import { defaultSettings } from "../../common/settings";
import { createLogger } from "../../server/logger";
import { NextEditModel } from "../../server/nextEdit/nextEditModel";

test("a model that cannot be used is tried again after a wait that doubles, one attempt at a time", async () => {
  let clock = 0;
  const warnings: string[] = [];
  const model = new NextEditModel(createLogger((level, line) => { if (level === "warn") warnings.push(line); }, () => "debug"), () => clock);
  const missing = path.join(os.tmpdir(), "enclave-no-such-next-edit-model.gguf");
  const settings = defaultSettings();
  const failure = async (): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      const { reason } = model.engine(missing, settings);
      if (reason?.includes("could not be used")) return reason;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("the load never failed");
  };

  assert.match(model.engine(missing, settings).reason ?? "", /^Loading the next-edit model/);
  assert.match(await failure(), /could not be used: .*It is tried again in 1 min/);
  assert.equal(warnings.length, 1);

  clock = 59_000;
  assert.match(model.engine(missing, settings).reason ?? "", /could not be used/, "within the wait the failure is the answer");
  clock = 61_000;
  assert.match(model.engine(missing, settings).reason ?? "", /^Loading the next-edit model/, "after it, a new attempt");
  model.engine(missing, settings);
  assert.match(await failure(), /tried again in 2 min/);
  assert.equal(warnings.length, 2, "two predictions during the attempt started one attempt");

  clock = 61_000 + 121_000;
  model.engine(missing, settings);
  assert.match(await failure(), /tried again in 4 min/);
  await model.unload();
});
