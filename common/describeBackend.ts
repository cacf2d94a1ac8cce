import type { BackendInfo } from "./protocol";

/** "CPU, 2 threads" or "CUDA (RTX 4070), 33/33 layers on GPU" — for logs, the CLI and the status bar. */
export function describeBackend(backend: BackendInfo | undefined): string {
  if (!backend) return "unknown backend";
  if (backend.remote) return `remote ${backend.remote.server} at ${backend.remote.url}`;
  // Prompt lookup is always there and needs no mention; a draft model is a second model the user chose.
  const draft = backend.editPredictor?.startsWith("draft") ? `, ${backend.editPredictor} for edits` : "";
  if (backend.gpu === "cpu") return `CPU, ${backend.threads} thread${backend.threads === 1 ? "" : "s"}${draft}`;
  const devices = backend.deviceNames.length ? ` (${backend.deviceNames.join(", ")})` : "";
  return `${backend.gpu.toUpperCase()}${devices}, ${backend.gpuLayers}/${backend.totalLayers} layers on GPU, ${backend.threads} CPU threads${draft}`;
}

/** What the user is told about where code goes: nowhere for a local model, the remote server otherwise. */
export function privacyLine(backend: BackendInfo | undefined): string {
  if (backend?.remote) return `Prompts (code near the cursor, chat messages) go to ${backend.remote.url} only; see "Enclave: Show Network Audit".`;
  return "Runs on this machine: no code leaves it.";
}
