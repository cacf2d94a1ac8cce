import type { BackendInfo } from "../../common/protocol";
import type { DetectedServer } from "./remoteDetect";
import type { FimMode } from "./remoteFim";
import type { RemoteHttp } from "./remoteHttp";

/** One connected server: where it is, what it is, which model it serves and how prompts reach it. */
export interface RemoteTarget {
  readonly http: RemoteHttp;
  readonly server: DetectedServer;
  /** The model name the server listed and every request names. */
  readonly model: string;
  readonly fim: FimMode;
  readonly contextSize: number;
  readonly demo: boolean;
  /** The server's own backend, when it reports one (enclave serve does). */
  readonly backend?: BackendInfo;
}

const SERVER_NAMES = { "enclave": "enclave serve", "llama-server": "llama-server", "vllm": "vLLM", "ollama": "Ollama", "openai": "OpenAI-compatible server" } as const;

/** The server's kind as users know it: "llama-server", "vLLM", "Ollama", ... */
export function serverName(target: RemoteTarget): string {
  return SERVER_NAMES[target.server.kind];
}

/** Where inline completions go for this target, in words. */
function completionRoute(target: RemoteTarget): string {
  const { fim, server } = target;
  switch (fim.kind) {
    case "pieces": return "completions as Enclave's prompt pieces (/v1/completions)";
    case "infill": return "completions via /infill (the model's FIM tokens were not found by name)";
    case "suffix": return "completions via /v1/completions with prompt + suffix";
    case "none": return "no inline completions (no fill-in-the-middle format known for this model)";
    case "text": {
      const endpoint = server.kind === "llama-server" ? `/completion with a KV slot${server.slots ? ` of ${server.slots}` : ""}`
        : server.kind === "ollama" ? "/api/generate (raw)" : "/v1/completions";
      return `completions as ${fim.family} FIM text via ${endpoint}`;
    }
  }
}

/** "detected by GET /props; completions as qwen FIM text via /completion with a KV slot of 4, chat via /v1/chat/completions": the status tooltip's line. */
export function describeRoute(target: RemoteTarget): string {
  return `detected by ${target.server.marker}; ${completionRoute(target)}, chat via /v1/chat/completions`;
}
