/**
 * Every benchmark ends with one verdict, built the same way: preconditions first (the run measured
 * what it claims: the rules were loaded, suggestions were shown, the model was called), then
 * targets, each a ratio against the baseline measured in the same run. A failed precondition or a
 * ratio that is not a finite number fails the run, so an empty or broken run can never print PASS.
 */
import { printTable } from "../server/textTable";

export interface Check {
  readonly kind: "precondition" | "target";
  readonly what: string;
  readonly measured: string;
  readonly wanted: string;
  readonly ok: boolean;
}

/** A fact the run must establish before any ratio means something. */
export function precondition(what: string, measured: number | string, wanted: string, ok: boolean): Check {
  return { kind: "precondition", what, measured: String(measured), wanted, ok };
}

/** A ratio against the same run's baseline that must be at least `min` (NaN and Infinity fail). */
export function ratioAtLeast(what: string, ratio: number, min: number, unit = "x"): Check {
  return { kind: "target", what, measured: `${ratio.toFixed(ratio >= 10 ? 0 : 2)}${unit}`, wanted: `>= ${min}${unit}`, ok: Number.isFinite(ratio) && ratio >= min };
}

/** A ratio against the same run's baseline that must be at most `max` (NaN and Infinity fail). */
export function ratioAtMost(what: string, ratio: number, max: number, unit = "x"): Check {
  return { kind: "target", what, measured: `${ratio.toFixed(3)}${unit}`, wanted: `<= ${max}${unit}`, ok: Number.isFinite(ratio) && ratio > 0 && ratio <= max };
}

/** A ratio where either side is zero is not a measurement: say so instead of dividing. */
export function ratio(numerator: number, denominator: number): number {
  return numerator > 0 && denominator > 0 ? numerator / denominator : Number.NaN;
}

/**
 * Prints the checks and the verdict line, sets the exit code (1 on any failure) and returns
 * whether the run passed. Targets are only judged when every precondition holds.
 */
export function verdict(name: string, checks: readonly Check[]): boolean {
  const failedPreconditions = checks.filter((c) => c.kind === "precondition" && !c.ok);
  console.log("");
  printTable(["check", "kind", "measured", "wanted", "result"], checks.map((c) => [
    c.what, c.kind, c.measured, c.wanted,
    c.kind === "target" && failedPreconditions.length > 0 ? "not judged" : c.ok ? "PASS" : "FAIL",
  ]));
  const pass = checks.length > 0 && checks.every((c) => c.ok);
  const why = failedPreconditions.length > 0
    ? `preconditions failed (${failedPreconditions.map((c) => c.what).join("; ")}), nothing was measured that a target could judge`
    : checks.filter((c) => !c.ok).map((c) => `${c.what} ${c.measured}, wanted ${c.wanted}`).join("; ");
  console.log(`\n${name} verdict: ${pass ? "PASS" : `FAIL — ${why}`}`);
  if (!pass) process.exitCode = 1;
  return pass;
}
