/**
 * SARIF 2.1.0 output for `enclave scan --sarif`, the format code-scanning dashboards read.
 * Lines and columns are 1-based here, as SARIF requires.
 */
import type { ShieldRule } from "./rule";

export interface FileFinding {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly cwe: string;
  readonly alsoCwe?: string[];
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
}

const levels = { error: "error", warning: "warning", info: "note" } as const;

/** A SARIF log for one run over the given findings; every known rule is described. */
export function toSarif(findings: readonly FileFinding[], rules: readonly ShieldRule[], version: string): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "Enclave Shield",
          version,
          informationUri: "https://cwe.mitre.org/",
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id,
            shortDescription: { text: r.message.split(/(?<=\.)\s/)[0] },
            fullDescription: { text: r.message },
            help: { text: `${r.message}\n\n${r.references.join("\n")}`, markdown: `${r.message}\n\n${r.references.map((u) => `- <${u}>`).join("\n")}` },
            helpUri: r.references[0],
            defaultConfiguration: { level: levels[r.severity] },
            properties: {
              tags: ["security", ...[r.cwe, ...r.alsoCwe].flatMap((c) => [c, `external/cwe/cwe-${c.slice(4)}`])],
              precision: "high",
              cwe: r.cwe,
              ...(r.alsoCwe.length ? { alsoCwe: [...r.alsoCwe] } : {}),
              ...(r.icd.length ? { codeShieldRules: [...r.icd] } : {}),
            },
          })),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: levels[f.severity],
        message: { text: `${f.message} (${[f.cwe, ...(f.alsoCwe ?? [])].join(", ")})` },
        properties: { cwe: f.cwe, ...(f.alsoCwe?.length ? { alsoCwe: f.alsoCwe } : {}) },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.path },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
      })),
    }],
  };
}
