import { fimFamilies, type FimFamily } from "./remoteFim";
import type { RemoteHttp } from "./remoteHttp";
import type { SpecialTokenName } from "./types";

/**
 * The kinds of server the remote engine tells apart, because each has a faster path than plain
 * OpenAI: enclave serve takes prompt pieces, llama-server its native /completion with a KV slot,
 * Ollama its raw /api/generate; vLLM and anything else get /v1/completions.
 */
export type RemoteServerKind = "enclave" | "llama-server" | "vllm" | "ollama" | "openai";

/** What detection found: the kind, the marker that gave it away (for the status tooltip), and what the server told about itself. */
export interface DetectedServer {
  readonly kind: RemoteServerKind;
  readonly marker: string;
  /** llama-server's parallel slots (`-np`), so each client can keep to one of them. */
  readonly slots?: number;
  readonly contextSize?: number;
}

/** The fields of a GET /v1/models entry that tell servers apart. */
export interface ModelEntryMarkers {
  readonly owned_by?: string;
  readonly enclave?: unknown;
}

/**
 * Finds out which server answers, from markers each one documents: enclave serve and vLLM name
 * themselves in `owned_by` of /v1/models; only llama-server answers GET /props with
 * `default_generation_settings`; Ollama answers GET /api/version (its native API); vLLM also
 * answers GET /version. The probes are single attempts (no retries) made once per connection.
 */
export async function detectServer(http: RemoteHttp, entry: ModelEntryMarkers, signal?: AbortSignal): Promise<DetectedServer> {
  if (entry.owned_by === "enclave" || entry.enclave) return { kind: "enclave", marker: "its /v1/models entry (owned_by enclave)" };
  const probe = (path: string): Promise<Record<string, any> | undefined> =>
    http.getJson(path, signal, 0).then((v) => (v && typeof v === "object" ? (v as Record<string, any>) : undefined), () => undefined);
  const props = await probe("/props");
  if (props?.default_generation_settings) {
    const slots = typeof props.total_slots === "number" && props.total_slots > 0 ? props.total_slots : undefined;
    const n = props.default_generation_settings.n_ctx;
    return { kind: "llama-server", marker: "GET /props", slots, contextSize: typeof n === "number" && n > 0 ? n : undefined };
  }
  if (entry.owned_by === "vllm") return { kind: "vllm", marker: "its /v1/models entry (owned_by vllm)" };
  const ollama = await probe("/api/version");
  if (typeof ollama?.version === "string") return { kind: "ollama", marker: `GET /api/version (Ollama ${ollama.version})` };
  const vllm = await probe("/version");
  if (typeof vllm?.version === "string") return { kind: "vllm", marker: `GET /version (vLLM ${vllm.version})` };
  if (entry.owned_by === "llamacpp") return { kind: "llama-server", marker: "its /v1/models entry (owned_by llamacpp)" };
  return { kind: "openai", marker: "no server-specific marker" };
}

/** Families tried in this order; Qwen before CodeGemma, which shares its three FIM markers but not the repository ones. */
const PROBE_ORDER: readonly FimFamily[] = ["qwen", "codegemma", "starcoder", "deepseek", "codellama"];

/**
 * Asks llama-server's /tokenize which family's FIM token text its model knows: a family fits
 * when its prefix, suffix and middle markers each come back as one token (special tokens are
 * parsed there, as in /completion). Optional markers (repository, file separator, pad, end)
 * are kept only when they are single tokens too. Undefined when no family fits, so the caller
 * can fall back to /infill, which uses the model's own FIM ids.
 */
export async function probeFimFamily(http: RemoteHttp, signal?: AbortSignal): Promise<{ family: FimFamily; tokens: Partial<Record<SpecialTokenName, string>> } | undefined> {
  for (const family of PROBE_ORDER) {
    const entries = Object.entries(fimFamilies[family]) as Array<[SpecialTokenName, string]>;
    const markers = entries.map(([, text]) => text.trim());
    let pieces: string[];
    try {
      const exchange = await http.request("POST", "/tokenize", { content: markers.join(""), add_special: false, parse_special: true, with_pieces: true }, { signal, retries: 0 });
      try {
        const body = (await exchange.response.json()) as { tokens?: Array<{ piece?: unknown }> };
        pieces = (body.tokens ?? []).map((t) => (typeof t.piece === "string" ? t.piece : ""));
      } finally {
        exchange.close();
      }
    } catch {
      return undefined;
    }
    const single = new Set(pieces);
    const known = entries.filter(([, text]) => single.has(text.trim()));
    const names = new Set(known.map(([name]) => name));
    if (names.has("fimPrefix") && names.has("fimSuffix") && names.has("fimMiddle")) return { family, tokens: Object.fromEntries(known) };
  }
  return undefined;
}
