import { parseSettings, settingsSchema, type EnclaveSettings, type SettingKey, type SettingSpec } from "../common/settings";
import { UsageError, type ParsedArgs } from "./cliArgs";
import { machineLimits } from "./engine/threads";

/** The flags every model-running command takes, and the setting each one sets. */
export const MODEL_FLAGS = {
  model: "model", threads: "threads", context: "contextSize", gpu: "gpu", "gpu-layers": "gpuLayers", "hf-endpoint": "huggingFaceEndpoint",
  "draft-model": "draftModel",
} as const satisfies Record<string, SettingKey>;

/**
 * Settings from command-line flags, checked by the same validation the language server uses
 * (common/settings.ts): a value outside the schema's limits is refused with a usage error
 * naming the flag, and a value the machine cannot honour (more threads than CPUs) is clamped
 * with a warning, as the server does.
 */
export function settingsFromFlags(args: ParsedArgs, flags: Readonly<Record<string, SettingKey>>, warn: (line: string) => void): EnclaveSettings {
  const raw: Record<string, unknown> = {};
  const flagOf = new Map<string, string>();
  for (const [flag, key] of Object.entries(flags)) {
    const value = args.flags.get(flag);
    if (value === undefined) continue;
    if (value === true) throw new UsageError(`--${flag} needs a value.`);
    raw[key] = fromText(settingsSchema[key], value, flag);
    flagOf.set(`enclave.${key}`, flag);
  }
  const { settings, problems } = parseSettings(raw, machineLimits());
  for (const problem of problems) {
    const flag = flagOf.get(problem.key);
    const name = flag ? `--${flag}` : problem.key;
    if (problem.fix === "clamped") warn(`${name}: ${problem.reason}; using ${String(settings[problem.key.slice("enclave.".length) as SettingKey])}.`);
    else throw new UsageError(`${name}: ${problem.reason}.`);
  }
  return settings;
}

/** A flag's text as the setting's type; the schema then checks the value. */
function fromText(spec: SettingSpec, text: string, flag: string): unknown {
  if (spec.type === "integer" || spec.type === "number") {
    const value = text.trim() === "" ? Number.NaN : Number(text);
    if (Number.isNaN(value)) throw new UsageError(`--${flag} takes a number, not "${text}".`);
    return value;
  }
  if (spec.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if (spec.type === "array") return text.split(",").map((s) => s.trim()).filter(Boolean);
  return text;
}
