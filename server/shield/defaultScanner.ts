/**
 * The scanner with the rules Enclave ships, built once per process and shared by the server
 * feature, the completion gate and the CLI. Rule problems are returned so each caller can log
 * them its own way.
 */
import { loadDefaultRules, type RuleProblem } from "./ruleLoader";
import { ShieldScanner } from "./scanner";

let shared: { scanner: ShieldScanner; problems: RuleProblem[] } | undefined;

export function defaultScanner(): { scanner: ShieldScanner; problems: RuleProblem[] } {
  if (!shared) {
    const { rules, problems } = loadDefaultRules();
    shared = { scanner: new ShieldScanner(rules), problems };
  }
  return shared;
}
