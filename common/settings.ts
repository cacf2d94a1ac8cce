/**
 * The one schema of Enclave's settings. The extension manifest's
 * `contributes.configuration` must describe exactly these (a unit test compares them), the
 * server validates what the client sends against them, and the CLI fills its defaults from
 * them. Keys are relative to the `enclave` section.
 */

interface BaseSpec {
  readonly description: string;
  /** True when changing the value needs the model to be reloaded. */
  readonly reload?: boolean;
  /** "remote": the reload is needed only while the model comes over the network (remote engine or hf: download). */
  readonly reloadScope?: "remote";
}
interface StringSpec extends BaseSpec { readonly type: "string"; readonly default: string }
interface EnumSpec<T extends string> extends BaseSpec { readonly type: "string"; readonly enum: readonly T[]; readonly default: T }
interface NumberSpec extends BaseSpec { readonly type: "integer" | "number"; readonly default: number; readonly minimum: number; readonly maximum: number }
interface BooleanSpec extends BaseSpec { readonly type: "boolean"; readonly default: boolean }
interface StringArraySpec extends BaseSpec { readonly type: "array"; readonly default: readonly string[] }
export type SettingSpec = StringSpec | EnumSpec<string> | NumberSpec | BooleanSpec | StringArraySpec;

const enumOf = <T extends string>(values: readonly T[], def: T, description: string, reload = false, reloadScope?: "remote"): EnumSpec<T> =>
  ({ type: "string", enum: values, default: def, description, reload, ...(reloadScope ? { reloadScope } : {}) });

export const settingsSchema = {
  "model": {
    type: "string", default: "", reload: true,
    description: "The model to run: a path to a .gguf file, or a Hugging Face URI such as hf:Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf. Empty: the recommended model for this machine.",
  },
  "modelSha256": {
    type: "string", default: "", reload: true,
    description: "Expected SHA-256 of the model file. A download that does not match is refused.",
  },
  "modelsDirectory": {
    type: "string", default: "", reload: true,
    description: "Where downloaded models are stored. Empty: the extension's global storage (or ~/.cache/enclave/models for the CLI).",
  },
  "huggingFaceEndpoint": {
    type: "string", default: "https://huggingface.co", reload: true,
    description: "Base URL that hf: model URIs are downloaded from (a mirror inside your network, for example).",
  },
  "gpu": enumOf(["auto", "cuda", "vulkan", "metal", "off"] as const, "auto",
    "GPU backend. auto picks CUDA, Vulkan or Metal when present and falls back to the CPU.", true),
  "gpuLayers": {
    type: "integer", default: -1, minimum: -1, maximum: 1000, reload: true,
    description: "Model layers to offload to the GPU. -1: as many as fit.",
  },
  "threads": {
    type: "integer", default: 0, minimum: 0, maximum: 256, reload: true,
    description: "CPU threads for inference. 0: the number of physical cores (1 for tiny models).",
  },
  "contextSize": {
    type: "integer", default: 4096, minimum: 256, maximum: 131072, reload: true,
    description: "Context window in tokens for each sequence (completions, chat and inline edits each have one; each costs its own KV cache).",
  },
  "draftModel": {
    type: "string", default: "", reload: true,
    description: "A small .gguf model with the same tokenizer as enclave.model (say, the 0.5B of the same family), used as the draft model that speeds up inline edits (speculative decoding). Empty: edits are sped up by prompt lookup, which needs no second model. A draft model whose vocabulary differs is refused.",
  },
  "completion.enable": {
    type: "boolean", default: true,
    description: "Show inline completions (ghost text) while typing.",
  },
  "completion.maxTokens": {
    type: "integer", default: 64, minimum: 1, maximum: 1024,
    description: "Most tokens generated for one inline completion.",
  },
  "completion.temperature": {
    type: "number", default: 0, minimum: 0, maximum: 2,
    description: "Sampling temperature for inline completions; 0 is greedy and repeatable.",
  },
  "completion.disabledLanguages": {
    type: "array", default: ["plaintext", "markdown", "scminput"],
    description: "Language ids (python, typescript, ...) in which inline completions are not shown.",
  },
  "completion.maxLines": {
    type: "integer", default: 8, minimum: 1, maximum: 100,
    description: "Most lines in one inline completion; a completion is a single line whenever text follows the cursor.",
  },
  "completion.candidates": {
    type: "integer", default: 3, minimum: 1, maximum: 8,
    description: "Suggestions generated when you ask for them explicitly (Alt+] or Alt+[ cycles through them); while typing, one is generated.",
  },
  "completion.debounceMinMs": {
    type: "integer", default: 30, minimum: 0, maximum: 2000,
    description: "Shortest wait after a keystroke before the model is asked; the wait adapts to your typing speed between this and enclave.completion.debounceMaxMs.",
  },
  "completion.debounceMaxMs": {
    type: "integer", default: 250, minimum: 0, maximum: 5000,
    description: "Longest wait after a keystroke before the model is asked (used while you type fast).",
  },
  "completion.prefixTokens": {
    type: "integer", default: 1024, minimum: 32, maximum: 32768,
    description: "Tokens of code above the cursor in the completion prompt.",
  },
  "completion.suffixTokens": {
    type: "integer", default: 256, minimum: 0, maximum: 16384,
    description: "Tokens of code below the cursor in the completion prompt.",
  },
  "completion.contextTokens": {
    type: "integer", default: 512, minimum: 0, maximum: 32768,
    description: "Tokens of extra context (code from recently opened and edited files) in the completion prompt.",
  },
  "completion.reuse": {
    type: "boolean", default: true,
    description: "Reuse work between keystrokes: the model's prompt cache, the suggestion cache (typed-ahead) and speculative prefetch. Turn off only to measure what they save.",
  },
  "shield.completions": enumOf(["block", "warn", "off"] as const, "block",
    "What Shield does with an inline suggestion that has a security finding: block holds back suggestions with error-severity findings (the next clean one is shown), warn shows them with a warning in the status bar, off does not scan suggestions."),
  "shield.chatRepair": {
    type: "boolean", default: true,
    description: "When a chat answer's code block has an error-severity Shield finding, ask the model once more with the finding as feedback and show its rewrite of the block when Shield finds it clean.",
  },
  "shield.diagnostics": {
    type: "boolean", default: true,
    description: "Show Enclave Shield security findings as diagnostics (problems) in open files.",
  },
  "chat.maxTokens": {
    type: "integer", default: 1024, minimum: 16, maximum: 8192,
    description: "Most tokens generated for one chat answer (the context window may cut it shorter).",
  },
  "chat.temperature": {
    type: "number", default: 0.2, minimum: 0, maximum: 2,
    description: "Sampling temperature for chat answers; 0 is greedy and repeatable.",
  },
  "chat.attachCurrentFile": {
    type: "boolean", default: true,
    description: "Attach the current file to chat messages when nothing is selected (shown in the chat's context bar, where it can be removed).",
  },
  "embeddingModel": {
    type: "string", default: "",
    description: "The embedding model of the codebase index: a path to a .gguf file or an hf:owner/repo/file.gguf URI, downloaded only because you set it (like enclave.model), for example hf:Qwen/Qwen3-Embedding-0.6B-GGUF/Qwen3-Embedding-0.6B-Q8_0.gguf. Empty: the index searches by keywords alone.",
  },
  "index.enable": {
    type: "boolean", default: true,
    description: "Keep a local index of the workspace's code (in the workspace storage) for searching the codebase from chat.",
  },
  "index.exclude": {
    type: "array", default: [],
    description: "Extra gitignore-style patterns of files the codebase index skips (relative to the workspace folder), on top of .gitignore, binary files and files over 1 MB.",
  },
  "nextEdit.enable": {
    type: "boolean", default: false,
    description: "Suggest the next edit after a pause in editing (the other call sites after a rename, say): at the cursor as ghost text, elsewhere as a hint to jump to with Tab. Off by default because on a CPU each prediction competes with completions for the same cores.",
  },
  "nextEdit.model": {
    type: "string", default: "",
    description: "A next-edit model: a path to a .gguf file or an hf:owner/repo/file.gguf URI, downloaded only because you set it (\"Enclave: Use the Recommended Next-Edit Model\" asks first and sets Sweep's next-edit 1.5B). Empty: the completion model predicts with a generic instruction.",
  },
  "nextEdit.maxTokens": {
    type: "integer", default: 0, minimum: 0, maximum: 4096,
    description: "Most tokens one next-edit prediction may generate. 0: enough to rewrite the window around the cursor.",
  },
  "engine": enumOf(["local", "remote"] as const, "local",
    "Where the model runs. local: in the Enclave server on this machine. remote: on the OpenAI-compatible server at enclave.remote.url (llama.cpp's llama-server, vLLM, Ollama or enclave serve).", true),
  "remote.url": {
    type: "string", default: "", reload: true, reloadScope: "remote",
    description: "Base URL of the remote engine, such as http://gpu-box.internal:8080, or several servers of the same model separated by commas or spaces: each client keeps to one of them (its prompt cache lives there) and moves to the next when it fails. A private or loopback host is allowed because this setting names it; a public host must also be listed in enclave.network.allowedHosts. The API key is kept in VS Code's secret storage (Enclave: Set Remote API Key), never here.",
  },
  "remote.model": {
    type: "string", default: "", reload: true, reloadScope: "remote",
    description: "Model name to ask the remote engine for. Empty: the first model the server lists.",
  },
  "remote.fimTemplate": enumOf(["auto", "infill", "qwen", "codellama", "starcoder", "deepseek", "codegemma", "openai-suffix", "none"] as const, "auto",
    "How inline completions reach the remote model. auto: the structured prompt for enclave serve; for llama-server the FIM token text its model knows, sent to /completion with a KV slot per client (/infill when no known family fits); otherwise the fill-in-the-middle tokens of the model family named in the model's name. A family name writes that family's FIM token text (to llama-server's /completion, Ollama's raw /api/generate or /v1/completions); infill forces llama-server's /infill; openai-suffix sends the text after the cursor as the suffix field.", true, "remote"),
  "network.allowedHosts": {
    type: "array", default: ["huggingface.co", "*.huggingface.co", "*.hf.co"], reload: true, reloadScope: "remote",
    description: "Public hosts (names, *.wildcards, IP addresses or CIDR ranges) the Enclave server may connect to. Loopback is always allowed, and the hosts of enclave.remote.url and enclave.huggingFaceEndpoint are allowed while in use when they are private; any other connection is refused and logged. The defaults let hf: models be downloaded; remove them and nothing public can be reached.",
  },
  "log.level": enumOf(["debug", "info", "warn", "error"] as const, "info", "How much the Enclave output channel shows."),
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof settingsSchema;
type ValueOf<S> = S extends { enum: readonly (infer E)[] } ? E
  : S extends { type: "boolean" } ? boolean
  : S extends { type: "integer" | "number" } ? number
  : S extends { type: "array" } ? string[]
  : string;
/** The typed settings object, keyed like the schema (e.g. `settings["completion.enable"]`). */
export type EnclaveSettings = { -readonly [K in SettingKey]: ValueOf<(typeof settingsSchema)[K]> };

/**
 * A problem found while reading settings; the user sees the message. `ignored`: an unknown
 * key; `default`: a wrong value replaced by its default; `clamped`: a value brought inside a
 * limit that depends on another setting or on the machine.
 */
export interface SettingProblem {
  key: string;
  /** What is wrong, without the remedy (for the CLI, which names its flag instead). */
  reason: string;
  message: string;
  fix: "ignored" | "default" | "clamped";
}

/** What the machine allows. The schema cannot know it, so the server, the CLI and `serve` pass theirs. */
export interface MachineLimits {
  /** CPU threads this process can run at once; more inference threads only queue behind each other. */
  readonly cpuThreads: number;
}

/** Pairs of settings where the first must not exceed the second. */
const ORDERED_PAIRS: ReadonlyArray<readonly [SettingKey, SettingKey]> = [
  ["completion.debounceMinMs", "completion.debounceMaxMs"],
];

/** The defaults of every setting. */
export function defaultSettings(): EnclaveSettings {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(settingsSchema)) out[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return out as EnclaveSettings;
}

/** The settings whose change reloads the model; `remote` ones only while the model comes over the network. */
export function reloadKeys(scope: "local" | "remote"): SettingKey[] {
  return (Object.keys(settingsSchema) as SettingKey[]).filter((key) => {
    const spec: SettingSpec = settingsSchema[key];
    return spec.reload === true && (scope === "remote" || spec.reloadScope !== "remote");
  });
}

/**
 * Reads settings from what a client sent: either a nested object (`{ completion: { enable } }`,
 * as `workspace/configuration` returns it) or flat dotted keys. This is the one validation the
 * server, the CLI and `enclave serve` share: each value is checked against its schema entry
 * (wrong ones are reported by name and replaced by the default, so a typo never stops the
 * server; unknown keys are reported too), then against the other settings and the machine
 * (`clamped`, with a warning naming both).
 */
export function parseSettings(raw: unknown, machine?: MachineLimits): { settings: EnclaveSettings; problems: SettingProblem[] } {
  const settings = defaultSettings();
  const problems: SettingProblem[] = [];
  const flat = flatten(raw);
  for (const [key, value] of Object.entries(flat)) {
    if (!(key in settingsSchema)) {
      problems.push({ key: `enclave.${key}`, fix: "ignored", reason: "no such setting", message: `Unknown setting enclave.${key} is ignored.` });
      continue;
    }
    const spec: SettingSpec = settingsSchema[key as SettingKey];
    const error = validate(spec, value);
    if (error) problems.push({ key: `enclave.${key}`, fix: "default", reason: error, message: `enclave.${key}: ${error}; using the default ${JSON.stringify(spec.default)}.` });
    else (settings as Record<string, unknown>)[key] = value;
  }
  problems.push(...clampSettings(settings, machine));
  return { settings, problems };
}

/** Applies the rules between settings and the machine's limits, changing `settings` in place. */
function clampSettings(settings: EnclaveSettings, machine: MachineLimits | undefined): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const numbers = settings as unknown as Record<SettingKey, number>;
  for (const [low, high] of ORDERED_PAIRS) {
    if (numbers[low] <= numbers[high]) continue;
    const reason = `${numbers[low]} is more than enclave.${high} (${numbers[high]})`;
    problems.push({ key: `enclave.${low}`, fix: "clamped", reason, message: `enclave.${low}: ${reason}; using ${numbers[high]}.` });
    numbers[low] = numbers[high];
  }
  if (machine && settings.threads > machine.cpuThreads) {
    const cpus = Math.max(1, machine.cpuThreads);
    const reason = `${settings.threads} is more than the ${cpus} CPU thread${cpus === 1 ? "" : "s"} this machine runs at once, and extra threads only wait for each other`;
    problems.push({ key: "enclave.threads", fix: "clamped", reason, message: `enclave.threads: ${reason}; using ${cpus}.` });
    settings.threads = cpus;
  }
  return problems;
}

function validate(spec: SettingSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case "integer":
    case "number":
      if (typeof value !== "number" || Number.isNaN(value)) return `expected a number, got ${JSON.stringify(value)}`;
      if (spec.type === "integer" && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      if (value < spec.minimum || value > spec.maximum) return `${value} is outside ${spec.minimum}..${spec.maximum}`;
      return undefined;
    case "array":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? undefined : "expected a list of strings";
    case "string":
      if (typeof value !== "string") return `expected a string, got ${JSON.stringify(value)}`;
      if ("enum" in spec && !spec.enum.includes(value)) return `"${value}" is not one of ${spec.enum.map((e) => `"${e}"`).join(", ")}`;
      return undefined;
  }
}

/** Turns `{ a: { b: 1 } }` into `{ "a.b": 1 }`, stopping at schema keys and at arrays. */
function flatten(raw: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (key in settingsSchema || v === null || typeof v !== "object" || Array.isArray(v)) out[key] = v;
    else flatten(v, key, out);
  }
  return out;
}
