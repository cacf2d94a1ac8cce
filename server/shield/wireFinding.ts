/** The wire form of a Shield finding, apart from the feature so every shield module can use it. */
import type { ShieldFinding } from "../../common/protocol";
import type { ScanFinding } from "./scanner";

/** The protocol's fields only, without the fix. */
export function toWireFinding(f: ScanFinding): ShieldFinding {
  const { ruleId, cwe, alsoCwe, severity, message, line, column, endLine, endColumn } = f;
  return { ruleId, cwe, ...(alsoCwe?.length ? { alsoCwe } : {}), severity, message, line, column, endLine, endColumn };
}
