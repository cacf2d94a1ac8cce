/**
 * `npm run bench:completion`: replays typing one line of a real source file of this repository,
 * character by character, through the language server (dist/server.js over stdio, as an editor
 * would) on bench.gguf, and compares Enclave with reuse on against the same replay with reuse
 * off (no KV prefix reuse, no suggestion cache, no prefetch) in the same run.
 *
 * The typist: inter-key gaps drawn from a log-normal distribution (median 180 ms, about 65
 * words a minute), a longer pause after spaces and punctuation, and now and then a wrong key
 * that is noticed and deleted with Backspace. Each keystroke sends the document change and an
 * automatic inline completion request and waits for its answer before the next gap starts
 * (closed loop): per-keystroke latency is the time from the request to its answer.
 *
 * Both servers run side by side and get every keystroke; Enclave is asked after each one and
 * the baseline after a few spread over the same replay, in the same moments, so that whatever
 * else runs on the machine slows both alike (on two cores a third busy process slows token
 * generation several-fold). Bounds, to keep the run to a few minutes: generation is capped at
 * 16 tokens in both (the random-weight model never stops by itself; real single-line
 * suggestions are about that long), and the baseline is asked only 8 times, because each of
 * its requests re-evaluates the whole prompt (~1,700 tokens, ~8 s on two cores).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind, type InlineCompletionList } from "vscode-languageserver-protocol/node";
import { MetricsRequest, type CompletionMetrics, type EngineMetrics } from "../common/protocol";
import { ensureModels } from "../test/fixtures/gguf";
import { repoRoot, startServer, type RunningServer } from "../test/server/harness";
import { percentile } from "../server/stats";
import { printTable } from "../server/textTable";
import { precondition, ratio, ratioAtLeast, verdict } from "./verdict";

const FILE = "server/engine/sequence.ts";
const CONTEXT_FILES = ["server/engine/localEngine.ts", "server/engine/streamingText.ts"];
/** `--chars N` retypes only the line's first N characters: a shorter replay for a loaded machine. */
const CHARS = Number(process.argv[process.argv.indexOf("--chars") + 1]) || Infinity;
const BASELINE_KEYSTROKES = 8;
const MAX_TOKENS = 16;
const TYPO_RATE = 0.04;
/** Targets against the reuse-off baseline of the same run (README: 1,654x and 13.7x). */
const EVALUATED_RATIO = 20;
const P50_RATIO = 5;

interface Keystroke { readonly insert?: string; readonly backspace?: boolean; readonly gapMs: number }

/** A small seeded generator, so every run types the same way. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal gaps (median `median` ms), longer after word boundaries, with typos fixed by Backspace. */
function typist(text: string, seed = 7, median = 180): Keystroke[] {
  const random = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const gap = (scale = 1): number => Math.round(median * scale * Math.exp(0.35 * normal()));
  const keys: Keystroke[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const afterBoundary = i > 0 && /[\s.,;()]/.test(text[i - 1]!);
    if (/[a-z]/i.test(ch) && random() < TYPO_RATE) {
      keys.push({ insert: String.fromCharCode(ch.charCodeAt(0) ^ 1), gapMs: gap() });
      keys.push({ backspace: true, gapMs: gap(2.2) });
    }
    keys.push({ insert: ch, gapMs: gap(afterBoundary ? 1.8 : 1) });
  }
  return keys;
}

/** The line to retype: a statement of 50-80 characters in the middle of the file. */
function pickLine(lines: readonly string[]): number {
  const wanted = lines.findIndex((l) => l.includes("await this.backend.eraseFrom(reused)"));
  if (wanted >= 0) return wanted;
  const from = Math.floor(lines.length * 0.6);
  const found = lines.findIndex((l, i) => i >= from && l.trim().length >= 50 && l.trim().length <= 80 && !l.trim().startsWith("*") && !l.trim().startsWith("//"));
  if (found < 0) throw new Error(`No line of 50-80 characters in ${FILE}`);
  return found;
}

/** One language server with the file open at the line being retyped. */
interface Session {
  readonly label: string;
  readonly server: RunningServer;
  change(key: Keystroke): Promise<void>;
  /** Sends an automatic inline completion request at the cursor and waits for the answer. */
  request(): Promise<{ ms: number; shown: boolean }>;
}

interface Totals { readonly requests: number; readonly evaluated: number; readonly reused: number; readonly generated: number }

interface RunResult {
  readonly label: string;
  readonly keystrokes: number;
  readonly latencies: number[];
  readonly shown: number;
  /** Model calls the completion feature made during the replay (the warm-up excluded). */
  readonly modelCalls: number;
  readonly engine: Totals;
  readonly completion: CompletionMetrics;
}

async function metrics(server: RunningServer): Promise<{ engine: EngineMetrics; completion: CompletionMetrics }> {
  return (await server.connection.sendRequest(MetricsRequest.type)) as unknown as { engine: EngineMetrics; completion: CompletionMetrics };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a server, opens the context files and the file with the line emptied, and warms it up (uncounted). */
async function open(label: string, model: string, reuse: boolean): Promise<Session> {
  const server = await startServer({ model, completion: { maxTokens: MAX_TOKENS, reuse } });
  const ready = await server.waitForStatus((s) => s.state === "ready" || s.state === "error", 180_000);
  if (ready.state !== "ready") throw new Error(`The bench model did not load: ${ready.message}`);
  for (const file of CONTEXT_FILES) {
    const text = readFileSync(join(repoRoot, file), "utf8");
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(join(repoRoot, file)).href, languageId: "typescript", version: 1, text } });
  }
  const lines = readFileSync(join(repoRoot, FILE), "utf8").split("\n");
  const lineNo = pickLine(lines);
  const indent = /^\s*/.exec(lines[lineNo]!)![0];
  lines[lineNo] = indent;
  const uri = pathToFileURL(join(repoRoot, FILE)).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "typescript", version: 1, text: lines.join("\n") } });
  let column = indent.length;
  let version = 1;
  const session: Session = {
    label, server,
    async change(key) {
      const range = key.backspace
        ? { start: { line: lineNo, character: column - 1 }, end: { line: lineNo, character: column } }
        : { start: { line: lineNo, character: column }, end: { line: lineNo, character: column } };
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: key.insert ?? "" }] });
      column += key.backspace ? -1 : key.insert!.length;
    },
    async request() {
      const sent = performance.now();
      const answer = (await server.connection.sendRequest(InlineCompletionRequest.type, {
        textDocument: { uri }, position: { line: lineNo, character: column }, context: { triggerKind: InlineCompletionTriggerKind.Automatic },
      })) as InlineCompletionList | null;
      return { ms: performance.now() - sent, shown: (answer?.items.length ?? 0) > 0 };
    },
  };
  await session.request();
  return session;
}

/**
 * Types every keystroke into both servers; Enclave is asked after each one, the baseline after
 * every few (its requests take seconds). The two are interleaved so that whatever else runs on
 * the machine slows both alike.
 */
async function replay(enclave: Session, baseline: Session, keys: readonly Keystroke[]): Promise<RunResult[]> {
  const sampled = new Set(Array.from({ length: BASELINE_KEYSTROKES }, (_, i) => Math.floor(((i + 0.5) * keys.length) / BASELINE_KEYSTROKES)));
  const results = new Map<Session, { latencies: number[]; shown: number; before: EngineMetrics; modelCallsBefore: number }>();
  for (const s of [enclave, baseline]) {
    const before = await metrics(s.server);
    results.set(s, { latencies: [], shown: 0, before: before.engine, modelCallsBefore: before.completion.modelCalls });
  }
  for (const [i, key] of keys.entries()) {
    await sleep(key.gapMs);
    await enclave.change(key);
    await baseline.change(key);
    for (const s of sampled.has(i) ? [baseline, enclave] : [enclave]) {
      const { ms, shown } = await s.request();
      const r = results.get(s)!;
      r.latencies.push(ms);
      if (shown) r.shown++;
    }
  }
  const out: RunResult[] = [];
  for (const [s, r] of results) {
    const after = await metrics(s.server);
    out.push({
      label: s.label, keystrokes: r.latencies.length, latencies: r.latencies, shown: r.shown, completion: after.completion,
      modelCalls: after.completion.modelCalls - r.modelCallsBefore,
      engine: {
        generated: after.engine.generatedTokens - r.before.generatedTokens,
        requests: after.engine.requests - r.before.requests,
        evaluated: after.engine.promptTokensEvaluated - r.before.promptTokensEvaluated,
        reused: after.engine.promptTokensReused - r.before.promptTokensReused,
      },
    });
  }
  return out;
}

function row(r: RunResult): Array<string | number> {
  const hits = r.completion.served.cache + r.completion.served.typedAhead + r.completion.served.prefetch;
  return [
    r.label, r.keystrokes, percentile(r.latencies, 50), percentile(r.latencies, 95),
    r.engine.evaluated / r.keystrokes, r.engine.reused / Math.max(1, r.engine.requests), r.engine.requests,
    `${((hits / r.keystrokes) * 100).toFixed(0)}%`, `${r.shown}/${r.keystrokes}`,
  ];
}

async function main(): Promise<void> {
  const { bench } = await ensureModels({ bench: true });
  const lines = readFileSync(join(repoRoot, FILE), "utf8").split("\n");
  const typed = lines[pickLine(lines)]!.trim().slice(0, CHARS);
  const keys = typist(typed);
  console.log(`\nEnclave inline completion benchmark — ${FILE}: retyping "${typed}" (${typed.length} characters, ${keys.length} keystrokes with typo fixes)`);
  console.log(`bench.gguf (Qwen2.5-Coder-0.5B shape, Q8_0), CPU; context: ${CONTEXT_FILES.join(", ")} opened; generation capped at ${MAX_TOKENS} tokens; the baseline is asked after ${BASELINE_KEYSTROKES} keystrokes spread over the same replay\n`);

  const started = performance.now();
  const enclaveSession = await open("Enclave (reuse on)", bench!, true);
  const baselineSession = await open("baseline (reuse off)", bench!, false);
  let results: RunResult[];
  try {
    results = await replay(enclaveSession, baselineSession, keys);
  } finally {
    await enclaveSession.server.stop();
    await baselineSession.server.stop();
  }
  const [enclave, baseline] = results as [RunResult, RunResult];

  printTable(
    ["run", "keystrokes", "p50 ms", "p95 ms", "prompt tokens evaluated / keystroke", "prompt tokens reused / model call", "model calls", "cache hit rate", "suggestions shown"],
    [row(enclave), row(baseline)],
  );
  console.log("");
  const evalRatio = ratio(baseline.engine.evaluated / baseline.keystrokes, enclave.engine.evaluated / enclave.keystrokes);
  const p50Ratio = ratio(percentile(baseline.latencies, 50), percentile(enclave.latencies, 50));
  const p95Ratio = ratio(percentile(baseline.latencies, 95), percentile(enclave.latencies, 95));
  printTable(["ratio (baseline / Enclave)", "value", "target"], [
    ["prompt tokens evaluated per keystroke", `${evalRatio.toFixed(0)}x fewer`, `>= ${EVALUATED_RATIO}x`],
    ["p50 latency per keystroke", `${p50Ratio.toFixed(1)}x faster`, `>= ${P50_RATIO}x`],
    ["p95 latency per keystroke", `${p95Ratio.toFixed(1)}x faster`, "-"],
  ]);
  console.log("");
  const stages = enclave.completion.stages;
  printTable(["Enclave stage (model calls)", "p50", "p95"], Object.entries(stages).map(([name, p]) => [name, p.p50, p.p95]));
  console.log(`\nServed (Enclave run): model ${enclave.completion.served.model}, cache ${enclave.completion.served.cache}, typed-ahead ${enclave.completion.served.typedAhead}, prefetch ${enclave.completion.served.prefetch}; ${enclave.completion.prefetches} prefetches, ${enclave.completion.aborted} aborted.`);
  console.log(`Run time ${((performance.now() - started) / 1000).toFixed(0)} s, including loading the model twice and one uncounted warm-up request per server.`);
  verdict("Completion bench", [
    precondition("keystrokes answered, Enclave / baseline", `${enclave.keystrokes} / ${baseline.keystrokes}`, `${keys.length} / ${BASELINE_KEYSTROKES}`, enclave.keystrokes === keys.length && baseline.keystrokes === BASELINE_KEYSTROKES),
    precondition("model calls, Enclave / baseline", `${enclave.modelCalls} / ${baseline.modelCalls}`, "> 0 each", enclave.modelCalls > 0 && baseline.modelCalls > 0),
    precondition("tokens generated, Enclave / baseline", `${enclave.engine.generated} / ${baseline.engine.generated}`, "> 0 each", enclave.engine.generated > 0 && baseline.engine.generated > 0),
    precondition("prompt tokens evaluated, Enclave / baseline", `${enclave.engine.evaluated} / ${baseline.engine.evaluated}`, "> 0 each", enclave.engine.evaluated > 0 && baseline.engine.evaluated > 0),
    precondition("suggestions shown by Enclave", `${enclave.shown} of ${enclave.keystrokes}`, "> 0", enclave.shown > 0),
    ratioAtLeast("prompt tokens evaluated per keystroke, baseline / Enclave", evalRatio, EVALUATED_RATIO),
    ratioAtLeast("p50 latency per keystroke, baseline / Enclave", p50Ratio, P50_RATIO),
  ]);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
