/**
 * `npm run bench:serve`: what going through `enclave serve` costs a completion compared with
 * the in-process engine, on the same model in the same run. Both sides simulate typing: one
 * ~1,000-token file, then the same prompt grown a character at a time, each keystroke a
 * 16-token greedy completion. Requests alternate between the two sides so both see the same
 * machine state; each side keeps its own KV cache (the in-process completion sequence, the
 * serve slot of this client), as in real use. The ratio is serve latency / in-process latency.
 * `--tiny` runs the same on the tiny test model, where the HTTP overhead is most visible.
 * The verdict (bench/verdict.ts) needs every keystroke answered on both sides with generated
 * tokens and the very same greedy text (the same model saw the same prompt), then judges the
 * median latency ratio.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { EngineMetricsCollector } from "../server/engine/metrics";
import { ModelManager } from "../server/engine/modelManager";
import { connectRemoteEngine } from "../server/engine/remoteConnect";
import type { PromptPiece } from "../server/engine/types";
import { silentLogger } from "../server/logger";
import { defaultSettings } from "../common/settings";
import { ensureModels } from "../test/fixtures/gguf";
import { promptText } from "./promptText";
import { median, percentile } from "../server/stats";
import { printTable } from "../server/textTable";
import { precondition, ratio, ratioAtMost, verdict } from "./verdict";

const root = join(__dirname, "..", "..");
/** `--keystrokes N` shortens the replay on a loaded machine (the typed text has 52 characters). */
const KEYSTROKES = Math.min(52, Number(process.argv[process.argv.indexOf("--keystrokes") + 1]) || 30);
const GENERATED = 16;
const CONTEXT = 2048;
/** Most that HTTP may add, median over median (README: 1.02x on bench.gguf; the tiny model's few ms make +5 ms of HTTP visible). */
const MAX_RATIO = { bench: 1.5, tiny: 2.5 };

const PROMPT_FILES = ["server/engine/sequence.ts", "server/engine/download.ts", "server/engine/modelManager.ts"];

/** Starts `enclave serve` on a free loopback port and resolves with its URL. */
function startServe(model: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(root, "dist", "cli.js"), "serve", "--model", model, "--port", "0", "--slots", "2", "--context", String(CONTEXT)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`enclave serve exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        child.removeAllListeners("exit");
        resolve({ url: match[1]!, stop: () => child.kill("SIGTERM") });
      }
    });
  });
}

async function main(): Promise<void> {
  const models = await ensureModels({ bench: !process.argv.includes("--tiny") });
  const model = models.bench ?? models.tiny;
  const manager = new ModelManager({ log: silentLogger });
  await manager.configure({ ...defaultSettings(), model, contextSize: CONTEXT });
  const local = await manager.engine();
  if (!local) throw new Error(`The model did not load: ${manager.status.message}`);
  const serve = await startServe(model);
  try {
    const remote = await connectRemoteEngine({ ...defaultSettings(), engine: "remote", "remote.url": serve.url }, { log: silentLogger, metrics: new EngineMetricsCollector() });
    const text = promptText(local, 1000, PROMPT_FILES);
    const typed = "\nexport function sumAll(values: number[]): number {\n";
    const prompt = (k: number): PromptPiece[] => [{ token: "fimPrefix" }, text, { token: "fimSuffix" }, "", { token: "fimMiddle" }, typed.slice(0, k)];
    const sides = { "in-process": local, "enclave serve": remote } as const;
    const cold: Record<string, number> = {};
    const warm: Record<string, number[]> = { "in-process": [], "enclave serve": [] };
    const evaluated: Record<string, number[]> = { "in-process": [], "enclave serve": [] };
    const generated: Record<string, number[]> = { "in-process": [], "enclave serve": [] };
    const texts: Record<string, string[]> = { "in-process": [], "enclave serve": [] };
    for (let k = 0; k <= KEYSTROKES; k++) {
      const order = k % 2 === 0 ? (["in-process", "enclave serve"] as const) : (["enclave serve", "in-process"] as const);
      for (const side of order) {
        const started = performance.now();
        const r = await sides[side].generate({ sequence: "completion", prompt: prompt(k), maxTokens: GENERATED, temperature: 0 });
        const ms = performance.now() - started;
        if (k === 0) cold[side] = ms;
        else { warm[side]!.push(ms); evaluated[side]!.push(r.promptTokensEvaluated); generated[side]!.push(r.generatedTokens); texts[side]!.push(r.text); }
      }
    }
    const m = (side: string): number => median(warm[side]!);
    console.log(`\nenclave serve vs in-process — ${local.model.name}, ${(local.model.sizeBytes / 1e6).toFixed(0)} MB, ${local.backend.gpu.toUpperCase()} ${local.backend.threads} threads, ${KEYSTROKES} keystrokes of ${GENERATED}-token completions on a ~1,000-token prompt\n`);
    printTable(["engine", "cold prompt ms", "keystroke median ms", "keystroke p90 ms", "prompt tokens evaluated (median)"],
      (Object.keys(sides) as Array<keyof typeof sides>).map((side) => [side, cold[side]!, m(side), percentile(warm[side]!, 90), median(evaluated[side]!)]));
    console.log("");
    printTable(["ratio (enclave serve / in-process)", "value"], [
      ["keystroke completion latency, median", `${(m("enclave serve") / m("in-process")).toFixed(3)}x (${m("enclave serve") >= m("in-process") ? "+" : ""}${(m("enclave serve") - m("in-process")).toFixed(1)} ms)`],
      ["keystroke completion latency, p90", `${(percentile(warm["enclave serve"]!, 90) / percentile(warm["in-process"]!, 90)).toFixed(3)}x`],
      ["cold 1,000-token prompt", `${(cold["enclave serve"]! / cold["in-process"]!).toFixed(3)}x`],
    ]);
    const sideNames = Object.keys(sides);
    const same = texts["in-process"]!.filter((t, i) => t === texts["enclave serve"]![i]).length;
    const maxRatio = models.bench ? MAX_RATIO.bench : MAX_RATIO.tiny;
    verdict("Serve bench", [
      precondition("keystrokes answered per side", sideNames.map((side) => warm[side]!.length).join(" / "), `${KEYSTROKES} each`, sideNames.every((side) => warm[side]!.length === KEYSTROKES)),
      precondition("answers with generated tokens", sideNames.map((side) => generated[side]!.filter((n) => n > 0).length).join(" / "), `${KEYSTROKES} each`, sideNames.every((side) => generated[side]!.filter((n) => n > 0).length === KEYSTROKES)),
      precondition("greedy texts equal on both sides", `${same} of ${KEYSTROKES}`, "all", same === KEYSTROKES && texts["in-process"]!.length === KEYSTROKES),
      ratioAtMost("keystroke latency median, serve / in-process", ratio(m("enclave serve"), m("in-process")), maxRatio),
    ]);
  } finally {
    serve.stop();
    await manager.dispose();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
