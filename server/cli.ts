/**
 * `enclave` on the command line. Each command runs the same code as the language server
 * (model manager, engine, completion, shield), so what the CLI prints is what the editor shows.
 */
// First: the egress guard must be in place before any other module could open a connection.
import { egressGuard } from "./net/installGuard";
import { readFileSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { languageByExtension } from "./syntax/languages";
import { completeAt } from "./completion/complete";
import { ModelManager, describeBackend } from "./engine/modelManager";
import { createLogger, type LogLevel } from "./logger";
import { intFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from "./cliArgs";
import type { EnclaveSettings, SettingKey } from "../common/settings";
import { MODEL_FLAGS, settingsFromFlags } from "./cliSettings";
import { runScanCommand } from "./shield/scanCommand";
import { createInterface } from "node:readline";
import { fitToTokens, runReuseBenchmark } from "./engine/reuseBenchmark";
import type { ChatMessage } from "./engine/types";
import { systemPrompt as chatSystemPrompt } from "./chat/prompts";
import { auditUsage, runAudit } from "./net/auditCommand";
import { egressPolicyFrom } from "./net/egressPolicy";
import { runServe, serveUsage } from "./serve/serveCommand";
import { indexUsage, runIndex, runSearch, searchUsage } from "./index/indexCommand";

/** One usage entry per command, so `enclave <command> --help` prints its own and `enclave help` all of them. */
const commandUsage: Record<string, string> = {
  complete: "  complete --model FILE --file F --line N --column M   print the inline completion at line N, column M (1-based)",
  status: "  status --model FILE                                  load the model and print backend, device and model facts",
  chat: "  chat --model FILE [MESSAGE...]                       answer MESSAGE, or chat line by line from stdin (empty line or EOF ends)",
  bench: "  bench --model FILE                                   prompt and generation speed, and what KV prefix reuse saves, on this model",
  scan: "  scan [--json] [--sarif FILE] [--fail-on LEVEL] PATH...  scan code with Enclave Shield (see enclave scan --help)",
  index: indexUsage,
  search: searchUsage,
  serve: serveUsage,
  audit: auditUsage,
  help: "  help                                                 this text (every command also takes --help)",
};

const modelOptions = `Model options (complete, status, chat, bench, serve):
  --model FILE|hf:owner/repo/file.gguf   the model (a hf: URI is downloaded first)
  --threads N      CPU threads, 0..256 (default: physical cores, 1 for tiny models; more than the CPUs: clamped)
  --gpu auto|cuda|vulkan|metal|off
  --gpu-layers N   model layers on the GPU (default -1: as many as fit)
  --context N      context size in tokens, 256..131072 (default 4096)
  --draft-model FILE  a small .gguf with the same tokenizer that speeds up edits (default: prompt lookup)
  --max-tokens N   most tokens to generate (complete, chat; default 64)
  --verbose        log what the engine does to stderr
`;

const usage = `Usage: enclave <command> [options]

Commands:
${Object.values(commandUsage).join("\n")}

${modelOptions}`;

/** The usage of one command, for `enclave <command> --help`. */
function usageOf(name: string): string {
  const own = `Usage: enclave ${name} [options]\n\n${commandUsage[name]}\n`;
  return ["complete", "status", "chat", "bench", "serve"].includes(name) ? `${own}\n${modelOptions}` : own;
}

type Command = (args: ParsedArgs) => Promise<number>;

const commands: Record<string, Command> = {
  complete: async (args) => {
    const settings = settingsFrom(args);
    const file = stringFlag(args, "file");
    const line = intFlag(args, "line");
    const column = intFlag(args, "column");
    const text = readSourceFile(file);
    const offset = offsetOf(text, line, column);
    return withEngine(args, settings, async (engine) => {
      const languageId = languageByExtension[extname(file).toLowerCase()] ?? "plaintext";
      const outcome = await completeAt(engine, text, offset, settings, undefined, { languageId, path: resolve(file) });
      process.stdout.write(outcome.text + (outcome.text.endsWith("\n") ? "" : "\n"));
      const r = outcome.result;
      if (r) process.stderr.write(`[${r.promptTokens} prompt tokens (${r.promptTokensEvaluated} evaluated) in ${r.promptMs.toFixed(0)} ms, ${r.generatedTokens} generated in ${r.generationMs.toFixed(0)} ms, stop: ${r.stopReason}]\n`);
      if (!outcome.text && outcome.reason) process.stderr.write(`No completion: ${outcome.reason}\n`);
      return 0;
    });
  },
  status: async (args) => withEngine(args, settingsFrom(args), async (engine) => {
    const { model, backend } = engine;
    const lines = [
      `model:     ${model.name}${model.demo ? " (generated demo model: canned or random output)" : ""}`,
      `file:      ${model.path} (${(model.sizeBytes / 1e6).toFixed(1)} MB)`,
      `context:   ${model.contextSize} tokens per sequence`,
      `fim:       ${model.fim ? "yes" : "no (inline completions need a model with fill-in-the-middle tokens)"}`,
      `backend:   ${describeBackend(backend)}`,
      `gpu:       ${backend.gpu}${backend.deviceNames.length ? ` — ${backend.deviceNames.join(", ")}` : ""}`,
      `vram:      ${(backend.vramFreeBytes / 1e9).toFixed(1)} GB free of ${(backend.vramTotalBytes / 1e9).toFixed(1)} GB`,
      `layers:    ${backend.gpuLayers} of ${backend.totalLayers} on the GPU`,
      `threads:   ${backend.threads}`,
      ...(backend.editPredictor ? [`edits:     sped up by ${backend.editPredictor}`] : []),
    ];
    process.stdout.write(lines.join("\n") + "\n");
    return 0;
  }),
  serve: (args) => runServe(args, egressGuard),
  audit: (args) => runAudit(args),
  index: (args) => runIndex(args, (s) => process.stdout.write(s), (s) => process.stderr.write(s)),
  search: (args) => runSearch(args, (s) => process.stdout.write(s), (s) => process.stderr.write(s)),
  chat: async (args) => {
    const settings = settingsFrom(args, "chat.maxTokens");
    return withEngine(args, settings, async (engine) => {
      const messages: ChatMessage[] = [{ role: "system", content: chatSystemPrompt }];
      const answer = async (text: string): Promise<void> => {
        messages.push({ role: "user", content: text });
        const result = await engine.chat({ messages, maxTokens: settings["chat.maxTokens"], temperature: settings["chat.temperature"], onText: (chunk) => process.stdout.write(chunk) });
        process.stdout.write("\n");
        messages.push({ role: "assistant", content: result.text });
      };
      if (args.positional.length) {
        await answer(args.positional.join(" "));
        return 0;
      }
      const lines = createInterface({ input: process.stdin, terminal: false });
      if (process.stdin.isTTY) process.stdout.write("> ");
      for await (const line of lines) {
        if (!line.trim()) break;
        await answer(line);
        if (process.stdin.isTTY) process.stdout.write("> ");
      }
      return 0;
    });
  },
  bench: async (args) => {
    const settings = settingsFrom(args);
    settings.contextSize = Math.max(settings.contextSize, 2048);
    return withEngine(args, settings, async (engine) => {
      // This program's own bundle is real code of the right size, so no sample has to ship.
      const text = fitToTokens(engine, readFileSync(__filename, "utf8"), 1000);
      await runReuseBenchmark(engine, text, { rounds: intFlag(args, "rounds", 3), generated: 32 });
      return 0;
    });
  },
  help: async () => {
    process.stdout.write(usage);
    return 0;
  },
};

/**
 * Settings from flags, starting from the same defaults the editor has and checked by the same
 * validation (out of range: exit 2 naming the flag; more threads than CPUs: clamped, warned).
 */
function settingsFrom(args: ParsedArgs, maxTokens: SettingKey = "completion.maxTokens"): EnclaveSettings {
  stringFlag(args, "model");
  return settingsFromFlags(args, { ...MODEL_FLAGS, "max-tokens": maxTokens }, (line) => process.stderr.write(`enclave: warning: ${line}\n`));
}

async function withEngine(args: ParsedArgs, settings: EnclaveSettings, run: (engine: NonNullable<Awaited<ReturnType<ModelManager["engine"]>>>) => Promise<number>): Promise<number> {
  const verbose = args.flags.has("verbose");
  const log = createLogger((level, line) => process.stderr.write(`${level}: ${line}\n`), (): LogLevel => (verbose ? "debug" : "warn"));
  const models = new ModelManager({ log });
  models.onStatus((s) => {
    if (s.state === "downloading" && verbose) process.stderr.write(`${s.message}\n`);
  });
  egressGuard.configure(egressPolicyFrom(settings));
  await models.configure(settings);
  const engine = await models.engine();
  if (!engine) {
    process.stderr.write(`enclave: ${models.status.message ?? "no model could be loaded"}\n`);
    return 1;
  }
  try {
    return await run(engine);
  } finally {
    await models.dispose();
  }
}

/**
 * The text of `--file`, refused with a clear message unless it is a regular file: reading a
 * FIFO waited forever and /dev/zero grew until memory ran out.
 */
function readSourceFile(file: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`--file ${file}: no such file.`);
  if (stat.isDirectory()) throw new UsageError(`--file ${file}: is a directory, not a file.`);
  if (!stat.isFile()) throw new UsageError(`--file ${file}: is not a regular file (a pipe or a device).`);
  return readFileSync(file, "utf8");
}

/** Converts a 1-based line and column into an offset, clamping the column to the line. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) throw new UsageError(`--line ${line} is outside the file (1..${lines.length}).`);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return offset + Math.max(0, Math.min(column - 1, lines[line - 1]!.length));
}

async function main(argv: string[]): Promise<number> {
  const [name = "help", ...rest] = argv;
  egressGuard.label = `cli ${name}`;
  // Shield's scan command owns its flags and exit codes (0 clean, 1 findings, 2 usage): other tools call it.
  if (name === "scan") {
    return runScanCommand(rest, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() });
  }
  if (name === "--help" || name === "-h") return commands.help!(parseArgs([]));
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    const args = parseArgs(rest, ["verbose", "json"]);
    if (args.flags.has("help")) {
      process.stdout.write(name === "help" ? usage : usageOf(name));
      return 0;
    }
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`enclave: ${error.message}\n\n${commandUsage[name] ? usageOf(name) : usage}`);
      return 2;
    }
    process.stderr.write(`enclave: ${(error as Error).message}\n`);
    return 1;
  }
}

/**
 * Ends the process once everything written has reached the reader. `process.exit` right after
 * a write drops whatever the pipe has not taken yet (64 KiB on Linux), so `enclave scan --json |
 * jq` would read half an array; a write's callback runs only after every earlier write is flushed.
 */
function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

// A reader that stops early (`enclave chat ... | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
// Nobody reading the notes on stderr (`enclave scan DIR 2>&1 >out.json | head -1`) must not cut
// the results on stdout: without this handler the first note after the reader left killed the run.
process.stderr.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
void main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  process.stderr.write(`enclave: ${(error as Error)?.stack ?? String(error)}\n`);
  exitAfterOutput(1);
});
