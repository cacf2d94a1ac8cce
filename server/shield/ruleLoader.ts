/**
 * Finds and reads Shield rules: from the YAML tree during development and tests, or from a
 * JSON bundle that the build embeds or copies next to dist/server.js. Problems are returned,
 * not thrown, so one broken rule costs only itself.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { toRawRule, validateRule, type ShieldRule } from "./rule";

export interface RuleProblem { readonly source: string; readonly message: string }
export interface LoadedRules { readonly rules: ShieldRule[]; readonly problems: RuleProblem[] }

/** The format version of rules.json; bump it when the bundle shape changes. */
const bundleVersion = 1;

/** Every `*.yaml` / `*.yml` file under a directory, sorted so loading is deterministic. */
export function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads and validates every rule under a directory; duplicate ids are problems too. */
export function loadRulesFromDirectory(dir: string): LoadedRules {
  const rules: ShieldRule[] = [];
  const problems: RuleProblem[] = [];
  for (const file of ruleFiles(dir)) {
    let raw: unknown;
    try {
      raw = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (e) {
      problems.push({ source: file, message: `YAML does not parse: ${(e as Error).message}` });
      continue;
    }
    const { rule, problems: found } = validateRule(raw, file);
    for (const message of found) problems.push({ source: file, message });
    if (rule) rules.push(rule);
  }
  return { rules: dedupe(rules, problems), problems };
}

function dedupe(rules: ShieldRule[], problems: RuleProblem[]): ShieldRule[] {
  const seen = new Map<string, ShieldRule>();
  for (const rule of rules) {
    const first = seen.get(rule.id);
    if (first) problems.push({ source: rule.source ?? rule.id, message: `duplicate rule id ${rule.id} (also in ${first.source ?? "the bundle"})` });
    else seen.set(rule.id, rule);
  }
  return [...seen.values()];
}

/**
 * The JSON bundle the build writes (esbuild.mjs: `writeFileSync("dist/rules.json",
 * buildRuleBundle("server/shield/rules"))`). Sources are made relative so the bundle does not
 * carry the build machine's paths.
 */
export function buildRuleBundle(dir: string): string {
  const { rules, problems } = loadRulesFromDirectory(dir);
  if (problems.length > 0) {
    throw new Error(`Shield rules have problems:\n${problems.map((p) => `${p.source}: ${p.message}`).join("\n")}`);
  }
  return JSON.stringify({ version: bundleVersion, rules: rules.map(toRawRule) });
}

/** Reads rules from a bundle's text (or its already-parsed object, when embedded by esbuild). */
export function loadRulesFromBundle(bundle: string | object): LoadedRules {
  const data = (typeof bundle === "string" ? JSON.parse(bundle) : bundle) as { version?: unknown; rules?: unknown };
  if (data.version !== bundleVersion || !Array.isArray(data.rules)) {
    return { rules: [], problems: [{ source: "rules.json", message: `unsupported rule bundle (version ${String(data.version)})` }] };
  }
  const rules: ShieldRule[] = [];
  const problems: RuleProblem[] = [];
  for (const raw of data.rules) {
    const { rule, problems: found } = validateRule(raw);
    for (const message of found) problems.push({ source: `rules.json#${(raw as { id?: string }).id ?? "?"}`, message });
    if (rule) rules.push(rule);
  }
  return { rules: dedupe(rules, problems), problems };
}

/** The YAML tree in the source checkout, as seen from out/server/shield or server/shield. */
export function sourceRulesDirectory(): string | undefined {
  const candidates = [path.join(__dirname, "rules"), path.resolve(__dirname, "../../../server/shield/rules")];
  return candidates.find((d) => fs.existsSync(path.join(d, "README.md")));
}

/**
 * The rules Enclave ships: `rules.json` beside the bundle (dist/), else the YAML tree of the
 * checkout (tests and `node out/...`). An embedded bundle, when the build provides one,
 * is passed by the caller to `loadRulesFromBundle` instead.
 */
export function loadDefaultRules(): LoadedRules {
  const bundled = path.join(__dirname, "rules.json");
  if (fs.existsSync(bundled)) return loadRulesFromBundle(fs.readFileSync(bundled, "utf8"));
  const dir = sourceRulesDirectory();
  if (dir) return loadRulesFromDirectory(dir);
  return { rules: [], problems: [{ source: __dirname, message: "no Shield rules found (neither rules.json nor a rules directory)" }] };
}
