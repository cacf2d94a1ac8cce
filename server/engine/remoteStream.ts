import type { StopReason } from "../../common/protocol";

/** What one streamed event of any supported endpoint adds to an answer. */
export interface RemoteDelta {
  readonly text?: string;
  readonly finish?: StopReason;
  readonly usage?: RemoteUsage;
}

/** Token counts and timings, from OpenAI `usage`, llama-server `timings`, or enclave serve's `enclave` field. */
export interface RemoteUsage {
  promptTokens?: number;
  reused?: number;
  evaluated?: number;
  generated?: number;
  promptMs?: number;
  generationMs?: number;
  stopReason?: StopReason;
}

/** Server events are loosely typed JSON; every field read here is checked before use. */
type Json = Record<string, any>;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const STOP_REASONS: readonly StopReason[] = ["maxTokens", "eos", "stop", "abort", "timeBudget"];

/** OpenAI's finish_reason: "length" means the token limit, anything else a natural end. */
function finishOf(reason: unknown): StopReason | undefined {
  if (reason === "length") return "maxTokens";
  return typeof reason === "string" && reason ? "eos" : undefined;
}

function usageOf(event: Json): RemoteUsage | undefined {
  const u = event.usage as Json | undefined;
  const t = event.timings as Json | undefined;
  const e = event.enclave as Json | undefined;
  if (!u && !t && !e && event.tokens_evaluated === undefined) return undefined;
  const cached = num(e?.promptTokensReused) ?? num(u?.prompt_tokens_details?.cached_tokens) ?? num(t?.cache_n) ?? num(event.tokens_cached);
  const evaluated = num(e?.promptTokensEvaluated) ?? num(t?.prompt_n);
  return {
    promptTokens: num(u?.prompt_tokens) ?? num(event.tokens_evaluated) ?? (evaluated !== undefined ? evaluated + (cached ?? 0) : undefined),
    reused: cached,
    evaluated,
    generated: num(u?.completion_tokens) ?? num(event.tokens_predicted) ?? num(t?.predicted_n),
    promptMs: num(e?.promptMs) ?? num(t?.prompt_ms),
    generationMs: num(e?.generationMs) ?? num(t?.predicted_ms),
    stopReason: STOP_REASONS.includes(e?.stopReason) ? e?.stopReason : undefined,
  };
}

/** An event of /v1/completions. */
export function readCompletion(event: Json): RemoteDelta {
  const choice = event.choices?.[0] as Json | undefined;
  return { text: typeof choice?.text === "string" ? choice.text : undefined, finish: finishOf(choice?.finish_reason), usage: usageOf(event) };
}

/** An event of /v1/chat/completions. */
export function readChat(event: Json): RemoteDelta {
  const choice = event.choices?.[0] as Json | undefined;
  const content = choice?.delta?.content ?? choice?.message?.content;
  return { text: typeof content === "string" ? content : undefined, finish: finishOf(choice?.finish_reason), usage: usageOf(event) };
}

/** An event of llama-server's native /completion or /infill: `stop_type` says why it ended, `timings` what the prompt cost. */
export function readLlamaNative(event: Json): RemoteDelta {
  const finish: StopReason | undefined = event.stop !== true ? undefined
    : event.stop_type === "limit" ? "maxTokens" : event.stop_type === "word" ? "stop" : "eos";
  return { text: typeof event.content === "string" ? event.content : undefined, finish, usage: usageOf(event) };
}

/** The name the /infill reader had first; the same events. */
export const readInfill = readLlamaNative;

/**
 * A line of Ollama's native /api/generate stream: `response` is the text; the last line has
 * `done`, `done_reason` and the counts (durations in nanoseconds).
 */
export function readOllama(event: Json): RemoteDelta {
  const text = typeof event.response === "string" ? event.response : undefined;
  if (event.done !== true) return { text };
  const ms = (ns: unknown): number | undefined => (num(ns) !== undefined ? (ns as number) / 1e6 : undefined);
  return {
    text, finish: event.done_reason === "length" ? "maxTokens" : "eos",
    usage: { promptTokens: num(event.prompt_eval_count), generated: num(event.eval_count), promptMs: ms(event.prompt_eval_duration), generationMs: ms(event.eval_duration) },
  };
}
