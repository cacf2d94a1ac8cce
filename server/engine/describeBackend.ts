import type { BackendInfo } from "../protocol";

/** "CPU, 2 threads" or "CUDA (RTX 4070), 33/33 layers on GPU" — for logs, the CLI and the status bar. */
export function describeBackend(backend: BackendInfo | undefined): string {
  if (!backend) return "unknown backend";
  if (backend.gpu === "cpu") return `CPU, ${backend.threads} thread${backend.threads === 1 ? "" : "s"}`;
  const devices = backend.deviceNames.length ? ` (${backend.deviceNames.join(", ")})` : "";
  return `${backend.gpu.toUpperCase()}${devices}, ${backend.gpuLayers}/${backend.totalLayers} layers on GPU, ${backend.threads} CPU threads`;
}
