/**
 * Parses `ENCLAVE_EGRESS_PINS` (`host=address,host=address`), honoured in strict mode only, so
 * tests can use public-looking destinations that end at 127.0.0.1: a pinned name resolves to
 * its pin without any DNS query (like curl's --resolve); a pinned IP address is judged by the
 * policy as the public address it is, and then connected to its pin instead. A name pinned to a
 * DNS error code (`huggingface.co=ENOTFOUND`, `EAI_AGAIN`) fails to resolve with that error, as
 * on a machine that is offline, again without any query.
 */
export function parsePins(value: string | undefined): Map<string, string> {
  const pins = new Map<string, string>();
  for (const pair of (value ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at > 0) pins.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  return pins;
}

/** True for a pin that names a resolver error rather than an address. */
export function isErrorPin(pin: string): boolean {
  return /^E[A-Z_]+$/.test(pin);
}
