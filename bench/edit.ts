/**
 * `npm run bench:edit`: how much speculative decoding speeds up inline edits. The same edits
 * (bench/editCases.ts: whole functions of 45-60 lines) run through the local engine as the
 * edit feature runs them (`engine.chat({ sequence })`), in one run and one process:
 *   - none: the chat sequence, which decodes one token at a time (the baseline);
 *   - prompt lookup: the edit sequence, drafting from the prompt (InputLookupTokenPredictor);
 *   - draft model: the edit sequence with copy-bench-draft.gguf as enclave.draftModel.
 * The model is copy-bench.gguf (test/fixtures/gguf/copyModel.ts): Qwen2.5-Coder-0.5B's layer
 * shape whose greedy answer copies the prompt with a few substitutions, as an edit does.
 * Baseline and prompt lookup alternate per edit so both see the same machine load.
 * The verdict needs every answer identical to the baseline's (speculation must not change greedy
 * output), the expected copy, and drafted tokens accepted; it judges generation speed, prompt
 * lookup / none, summed over the edits. `--threads N` (default 1: on a loaded 2-core machine two
 * threads stall on each other), `--no-draft` skips the draft-model row, `--case N` runs the Nth edit only.
 */
import { statSync } from "node:fs";
import { loadLocalModel } from "../server/engine/llama";
import { LocalEngine } from "../server/engine/localEngine";
import { EngineMetricsCollector } from "../server/engine/metrics";
import type { GenerateResult } from "../server/engine/types";
import { silentLogger } from "../server/logger";
import { printTable } from "../server/textTable";
import { COPY_BENCH_DRAFT_MODEL, COPY_BENCH_MODEL, copyEditMessages, defaultModelsDir, ensureCopyModel } from "../test/fixtures/gguf";
import { EDIT_CASES, type EditCase } from "./editCases";
import { precondition, ratio, ratioAtLeast, verdict } from "./verdict";

const flag = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
const THREADS = Number(flag("--threads") ?? 1);
const CONTEXT = 2048;
const MAX_TOKENS = 1500;
const GOAL = 2;
/** `--case N` (1-based) times one edit only. */
const CASES = flag("--case") ? [EDIT_CASES[Number(flag("--case")) - 1]!] : EDIT_CASES;

type Mode = "none" | "prompt lookup" | "draft model";
interface Run { readonly edit: EditCase; readonly mode: Mode; readonly result: GenerateResult; readonly totalMs: number }

/** What the copy model answers: the fenced code with its substitutions (see copyModel.ts). */
function expectedAnswer(edit: EditCase): string {
  let code = edit.code;
  for (const [from, to] of COPY_BENCH_MODEL.substitutions) code = code.replace(new RegExp(`${from}\\b`, "g"), to);
  return "```" + edit.language + "\n" + code + "```\n";
}

async function withEngine(model: string, draftModelPath: string | undefined, run: (engine: LocalEngine, messages: (edit: EditCase) => ReturnType<typeof copyEditMessages>) => Promise<void>): Promise<void> {
  const local = await loadLocalModel({ path: model, gpu: "off", gpuLayers: 0, threads: THREADS, contextSize: CONTEXT, log: silentLogger, autoThreads: () => THREADS, edit: { draftModelPath } });
  if (local.edit?.warning) throw new Error(local.edit.warning);
  const engine = new LocalEngine(local, new EngineMetricsCollector());
  try {
    await run(engine, (edit) => copyEditMessages(local, COPY_BENCH_MODEL, edit.instruction, edit.language, edit.code));
  } finally {
    await engine.dispose();
  }
}

async function timed(engine: LocalEngine, edit: EditCase, mode: Mode, messages: ReturnType<typeof copyEditMessages>): Promise<Run> {
  const started = performance.now();
  const result = await engine.chat({ messages, sequence: mode === "none" ? "chat" : "edit", maxTokens: MAX_TOKENS, temperature: 0 });
  const run = { edit, mode, result, totalMs: performance.now() - started };
  const { text: _text, ...counts } = result;
  process.stderr.write(`${edit.name}, ${mode}: ${(run.totalMs / 1000).toFixed(1)} s ${JSON.stringify(counts)}\n`);
  return run;
}

async function main(): Promise<void> {
  const dir = defaultModelsDir();
  const model = ensureCopyModel(dir, COPY_BENCH_MODEL).path;
  const draft = process.argv.includes("--no-draft") ? undefined : ensureCopyModel(dir, COPY_BENCH_DRAFT_MODEL).path;
  const runs: Run[] = [];
  await withEngine(model, undefined, async (engine, messages) => {
    for (const edit of CASES) {
      runs.push(await timed(engine, edit, "none", messages(edit)));
      runs.push(await timed(engine, edit, "prompt lookup", messages(edit)));
    }
  });
  if (draft) {
    await withEngine(model, draft, async (engine, messages) => {
      for (const edit of CASES) runs.push(await timed(engine, edit, "draft model", messages(edit)));
    });
  }

  const p = COPY_BENCH_MODEL;
  console.log(`copy-bench.gguf: ${p.blockCount} blocks x ${p.embeddingLength}, ${p.headCount} heads (${p.headCountKv} KV), FFN ${p.feedForwardLength}, ` +
    `${p.vocabSize.toLocaleString("en-US")} tokens, Q8_0 (${(statSync(model).size / 1e6).toFixed(0)} MB); ${THREADS} thread${THREADS === 1 ? "" : "s"}, CPU` +
    (draft ? `; draft copy-bench-draft.gguf: ${COPY_BENCH_DRAFT_MODEL.blockCount} blocks (${(statSync(draft).size / 1e6).toFixed(0)} MB)` : ""));
  const baseline = (edit: EditCase) => runs.find((r) => r.edit === edit && r.mode === "none")!;
  const tokensPerSecond = (r: GenerateResult) => r.generatedTokens / (r.generationMs / 1000);
  printTable(["edit", "prediction", "generated tokens", "accepted draft tokens", "refuted draft tokens", "prompt s", "generation s", "generated tokens/s", "total s", "speed-up (generation)", "speed-up (total)"],
    runs.map((r) => [r.edit.name, r.mode, String(r.result.generatedTokens), String(r.result.acceptedDraftTokens ?? "-"), String(r.result.refutedDraftTokens ?? "-"),
      (r.result.promptMs / 1000).toFixed(1), (r.result.generationMs / 1000).toFixed(1), tokensPerSecond(r.result).toFixed(1), (r.totalMs / 1000).toFixed(1),
      r.mode === "none" ? "1.00x" : `${ratio(baseline(r.edit).result.generationMs, r.result.generationMs).toFixed(2)}x`,
      r.mode === "none" ? "1.00x" : `${ratio(baseline(r.edit).totalMs, r.totalMs).toFixed(2)}x`]));

  const sum = (mode: Mode, pick: (r: Run) => number) => runs.filter((r) => r.mode === mode).reduce((total, r) => total + pick(r), 0);
  const same = runs.filter((r) => r.result.text === baseline(r.edit).result.text).length;
  const copies = CASES.filter((edit) => baseline(edit).result.text === expectedAnswer(edit)).length;
  const checks = [
    precondition("answers identical to the baseline's", `${same} of ${runs.length}`, "all", same === runs.length),
    precondition("baseline answers are the expected copies", `${copies} of ${CASES.length}`, "all", copies === CASES.length),
    precondition("draft tokens accepted, prompt lookup", sum("prompt lookup", (r) => r.result.acceptedDraftTokens ?? 0), "> 0", sum("prompt lookup", (r) => r.result.acceptedDraftTokens ?? 0) > 0),
    ratioAtLeast("generation speed, prompt lookup / none", ratio(sum("none", (r) => r.result.generationMs), sum("prompt lookup", (r) => r.result.generationMs)), GOAL),
  ];
  if (draft) checks.push(ratioAtLeast("generation speed, draft model / none", ratio(sum("none", (r) => r.result.generationMs), sum("draft model", (r) => r.result.generationMs)), GOAL));
  console.log(`\ntotal time (prompt + generation), none / prompt lookup: ${ratio(sum("none", (r) => r.totalMs), sum("prompt lookup", (r) => r.totalMs)).toFixed(2)}x` +
    (draft ? `; none / draft model: ${ratio(sum("none", (r) => r.totalMs), sum("draft model", (r) => r.totalMs)).toFixed(2)}x` : ""));
  verdict("bench:edit", checks);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
