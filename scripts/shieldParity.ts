/**
 * `npm run shield:parity`: writes docs/shield-parity.md from the rule data and prints the
 * per-language summary; exits 1 when the parity data is inconsistent (what the unit test checks).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadRulesFromDirectory, sourceRulesDirectory } from "../server/shield/ruleLoader";
import { computeParity, loadIcdRules, loadNotPorted, paritySummary } from "../server/shield/parity";
import { renderParityDoc } from "../server/shield/parityDoc";

const root = path.resolve(__dirname, "../..");
const { rules } = loadRulesFromDirectory(sourceRulesDirectory()!);
const { rows, problems } = computeParity(loadIcdRules(), loadNotPorted(), rules);
fs.mkdirSync(path.join(root, "docs"), { recursive: true });
fs.writeFileSync(path.join(root, "docs/shield-parity.md"), renderParityDoc(rows, rules));
for (const s of paritySummary(rows)) console.log(`${s.language.padEnd(11)} ${String(s.total).padStart(3)} ICD rules, ${String(s.ported).padStart(3)} ported, ${String(s.notPorted).padStart(3)} not ported`);
for (const p of problems) console.error(p);
console.log(`wrote docs/shield-parity.md${problems.length ? `; ${problems.length} problems` : ""}`);
process.exitCode = problems.length ? 1 : 0;
