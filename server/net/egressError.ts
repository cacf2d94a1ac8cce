/**
 * The error every refused outbound attempt fails with, whichever API made it (net, tls, http,
 * fetch, dns, dgram). Its message names the host and the setting that would allow it, so the
 * user can act on it from the status bar alone.
 */
export class EgressRefusedError extends Error {
  readonly code = "ERR_ENCLAVE_EGRESS_REFUSED";

  constructor(readonly host: string, readonly port: number | undefined, reason: string) {
    super(`Enclave refused to connect to ${host}${port ? `:${port}` : ""}: ${reason} Nothing was sent.`);
    this.name = "EgressRefusedError";
  }
}

/**
 * Finds the guard's refusal inside an error chain: fetch reports "fetch failed" and keeps the
 * socket's error as `cause`, so callers look through causes to show the real reason.
 */
export function findEgressRefusal(error: unknown): EgressRefusedError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof EgressRefusedError || (e as { code?: unknown }).code === "ERR_ENCLAVE_EGRESS_REFUSED") return e as EgressRefusedError;
  }
  return undefined;
}
