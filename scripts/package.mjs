// `npm run package`: builds platform-specific VSIX files (vsce --target) that run offline.
//
// dist/server.js loads node-llama-cpp (external: it loads native binaries), so each VSIX carries
// node_modules/node-llama-cpp, its runtime dependency closure (resolved from package-lock.json)
// and ONLY the @node-llama-cpp/<binary> packages of its target. For every target a folder is
// staged under .vscode-test/package/<target>/ (production bundle, trimmed package.json,
// README/LICENSE, pruned node_modules, .vscodeignore) and `vsce package --target` runs there.
// Note: vsce ignores node_modules entirely with --no-dependencies, so the staged folder is
// packaged with vsce's npm dependency detection, which sees exactly the staged tree.
//
//   node scripts/package.mjs [--target linux-x64,win32-x64,...|all] [--gpu cpu,cuda,vulkan]
//                            [--cuda-ext] [--fetch] [--out DIR] [--no-build] [--no-tsc]
//   --target  default: every target whose binary packages are at hand (linux-x64, linux-arm64 here)
//   --gpu     backends to ship (default cpu,cuda,vulkan; cpu is always shipped)
//   --cuda-ext also ship @node-llama-cpp/*-cuda-ext (fallback CUDA build, ~360 MB unpacked)
//   --fetch   get missing binary packages of other platforms from the registry (npm pack)
//   --no-build  package the existing dist/ as it is; --no-tsc: skip tsc (the caller just ran it)
// The VSIX files go to vsix/ (git-ignored *.vsix); a listing of each goes to test/.artifacts/package/.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BASE = path.join(ROOT, ".vscode-test");
const NODE24 = path.join(BASE, "node24", "bin", "node");
// ENCLAVE_PACKAGE_DIR moves the staging folder: two checkouts sharing one .vscode-test (a git
// worktree beside the main one) would otherwise stage into the same folder at the same time.
const WORK = process.env.ENCLAVE_PACKAGE_DIR ? path.resolve(process.env.ENCLAVE_PACKAGE_DIR) : path.join(BASE, "package");
const FETCHED = path.join(BASE, "npm-platforms");

// vsce 4 needs Node >= 22: re-run with Node 24 from .vscode-test (npm run e2e:setup) when older.
if (Number(process.versions.node.split(".")[0]) < 22) {
  if (!existsSync(NODE24)) {
    console.error(`vsce 4 needs Node >= 22 and ${NODE24} is missing: run \`npm run e2e:setup\` first.`);
    process.exit(2);
  }
  const result = spawnSync(NODE24, process.argv.slice(1), { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

if (process.argv.includes("--check-staged")) {
  // Runs as vscode:prepublish: vsce at the repository root would ship all of node_modules (~1 GB).
  if (!existsSync(path.join(process.cwd(), ".enclave-staged"))) {
    console.error("Package Enclave with `npm run package` (scripts/package.mjs), not `vsce package` at the repository root.");
    process.exit(1);
  }
  process.exit(0);
}

/** vsce target → the @node-llama-cpp packages per backend. */
const TARGETS = {
  "linux-x64": { cpu: ["linux-x64"], cuda: ["linux-x64-cuda"], cudaExt: ["linux-x64-cuda-ext"], vulkan: ["linux-x64-vulkan"] },
  "linux-arm64": { cpu: ["linux-arm64"] },
  "linux-armhf": { cpu: ["linux-armv7l"] },
  "win32-x64": { cpu: ["win-x64"], cuda: ["win-x64-cuda"], cudaExt: ["win-x64-cuda-ext"], vulkan: ["win-x64-vulkan"] },
  "win32-arm64": { cpu: ["win-arm64"] },
  "darwin-arm64": { cpu: ["mac-arm64-metal"] },
  "darwin-x64": { cpu: ["mac-x64"] },
};
const DEFAULT_TARGETS = ["linux-x64", "linux-arm64", "win32-x64", "darwin-arm64"];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith("--") ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
const llamaVersion = lock.packages["node_modules/node-llama-cpp"]?.version;
if (!llamaVersion) throw new Error("node-llama-cpp is not in package-lock.json");

const gpus = new Set(["cpu", ...option("gpu", "cpu,cuda,vulkan").split(",")]);
const requested = option("target", undefined);
const targets = requested === "all" ? DEFAULT_TARGETS : requested ? requested.split(",") : DEFAULT_TARGETS;
const explicit = requested !== undefined && requested !== "all";
const outDir = path.resolve(ROOT, option("out", "vsix"));
const listingDir = path.join(ROOT, "test", ".artifacts", "package");

function binaryPackages(target) {
  const table = TARGETS[target];
  if (!table) throw new Error(`unknown target ${target}; known: ${Object.keys(TARGETS).join(", ")}`);
  const names = [...table.cpu];
  if (gpus.has("cuda")) names.push(...(table.cuda ?? []), ...(flag("cuda-ext") ? table.cudaExt ?? [] : []));
  if (gpus.has("vulkan")) names.push(...(table.vulkan ?? []));
  return names.map((n) => `@node-llama-cpp/${n}`);
}

/** Where a binary package of this version is on disk: node_modules, an earlier fetch, or a new fetch. */
function locateBinary(name) {
  for (const dir of [path.join(ROOT, "node_modules", name), path.join(FETCHED, `${name.replace("/", "+")}@${llamaVersion}`, "package")]) {
    if (existsSync(path.join(dir, "package.json")) && JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version === llamaVersion) return dir;
  }
  if (!flag("fetch")) return undefined;
  // npm pack downloads the tarball whatever the package's os/cpu fields say.
  const dest = path.join(FETCHED, `${name.replace("/", "+")}@${llamaVersion}`);
  mkdirSync(dest, { recursive: true });
  const packed = spawnSync("npm", ["pack", `${name}@${llamaVersion}`, "--pack-destination", dest, "--loglevel=error"], { encoding: "utf8" });
  if (packed.status !== 0) {
    console.warn(`[package] could not fetch ${name}@${llamaVersion}: ${(packed.stderr || packed.stdout).trim().split("\n")[0]}`);
    rmSync(dest, { recursive: true, force: true });
    return undefined;
  }
  const tgz = readdirSync(dest).find((f) => f.endsWith(".tgz"));
  spawnSync("tar", ["xzf", tgz], { cwd: dest, stdio: "inherit" });
  return path.join(dest, "package");
}

/**
 * The lockfile keys ("node_modules/a", "node_modules/a/node_modules/b") that node-llama-cpp
 * needs at run time, resolved like Node does (nearest node_modules upwards). Optional
 * dependencies are followed only for the chosen binary packages.
 */
function dependencyClosure(binaries) {
  const packages = lock.packages;
  const resolve = (from, name) => {
    for (let dir = from; ; ) {
      const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
      if (packages[key]) return key;
      if (!dir) return undefined;
      const cut = dir.lastIndexOf("/node_modules/");
      dir = cut >= 0 ? dir.slice(0, cut) : "";
    }
  };
  const keys = new Set();
  const visit = (key) => {
    if (keys.has(key)) return;
    keys.add(key);
    const entry = packages[key];
    for (const name of Object.keys(entry.dependencies ?? {})) {
      const dep = resolve(key, name);
      if (!dep) throw new Error(`${key} needs ${name}, which is not in package-lock.json`);
      visit(dep);
    }
    for (const name of Object.keys(entry.peerDependencies ?? {})) {
      if (entry.peerDependenciesMeta?.[name]?.optional) continue;
      const dep = resolve(key, name);
      if (dep) visit(dep);
    }
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (name.startsWith("@node-llama-cpp/")) continue; // Chosen per target below.
      const dep = resolve(key, name);
      if (dep && !packages[dep].os && !packages[dep].cpu) visit(dep);
    }
  };
  visit("node_modules/node-llama-cpp");
  for (const name of binaries) keys.add(`node_modules/${name}`);
  return [...keys].sort();
}

/** Files a package needs at run time: no source maps, typings, TypeScript sources or docs. */
function keepFile(source) {
  const base = path.basename(source);
  if (/\.(map|d\.ts|d\.mts|d\.cts|ts|mts|cts|tsbuildinfo)$/.test(base)) return false;
  if (/\.md$/i.test(base) && !/^(licen[cs]e|notice|third)/i.test(base)) return false;
  if (base === "gitRelease.bundle") return false; // llama.cpp's source (34 MB): only for building from source.
  return true;
}

function copyPackage(from, to) {
  cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (source) => {
      const rel = path.relative(from, source);
      if (rel === "node_modules" || rel.startsWith(`node_modules${path.sep}`)) return false; // Own lockfile keys.
      return statSync(source).isDirectory() || keepFile(source);
    },
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

/** Production bundle (minified, no source maps) built in a scratch folder, so dist/ stays as it is. */
function buildProduction() {
  const build = path.join(WORK, "build");
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if ([".git", ".vscode-test", "dist", "out", "vsix"].includes(entry)) continue;
    symlinkSync(path.join(ROOT, entry), path.join(build, entry));
  }
  if (!flag("no-build")) {
    // tsc first: it type-checks, and esbuild.mjs loads out/server/shield/ruleLoader.js for the rule bundle.
    if (!flag("no-tsc")) run(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: ROOT });
    run(process.execPath, [path.join(ROOT, "esbuild.mjs"), "--production"], { cwd: build });
  }
  else cpSync(path.join(ROOT, "dist"), path.join(build, "dist"), { recursive: true });
  return path.join(build, "dist");
}

function stage(target, dist, binaries) {
  const dir = path.join(WORK, target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(dist, path.join(dir, "dist"), { recursive: true, filter: (s) => !s.endsWith(".map") });
  for (const file of ["README.md", "LICENSE", "LICENSE.md", "LICENSE.txt", "CHANGELOG.md", ".vscodeignore"]) {
    if (existsSync(path.join(ROOT, file))) cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  if (existsSync(path.join(ROOT, "media"))) cpSync(path.join(ROOT, "media"), path.join(dir, "media"), { recursive: true });
  // The manifest without what only development needs; node-llama-cpp is the one run-time dependency.
  const staged = { ...manifest, dependencies: { "node-llama-cpp": llamaVersion } };
  delete staged.devDependencies;
  delete staged.scripts;
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(staged, null, 2) + "\n");
  writeFileSync(path.join(dir, ".enclave-staged"), `${target}\n`);
  const binaryDirs = new Map(binaries.map((name) => [`node_modules/${name}`, locateBinary(name)]));
  for (const key of dependencyClosure(binaries)) {
    const from = binaryDirs.get(key) ?? path.join(ROOT, key);
    copyPackage(from, path.join(dir, key));
  }
  return dir;
}

function duBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? duBytes(p) : statSync(p).size;
  }
  return total;
}
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Lists the VSIX (unzip -l), fails on anything that must not ship, and sums sizes per top folder. */
function inspect(vsix, target) {
  const listing = spawnSync("unzip", ["-l", vsix], { encoding: "utf8" }).stdout;
  mkdirSync(listingDir, { recursive: true });
  writeFileSync(path.join(listingDir, `${target}.txt`), listing);
  const files = [];
  for (const line of listing.split("\n")) {
    const m = /^\s*(\d+)\s+\S+\s+\S+\s+(extension\/.+)$/.exec(line);
    if (m) files.push({ size: Number(m[1]), name: m[2].slice("extension/".length) });
  }
  const forbidden = files.filter((f) => /^(src|server|test|bench|out|scripts|\.vscode-test)\//.test(f.name) || /\.(map|ts)$/.test(f.name) || /^node_modules\/\.bin\//.test(f.name));
  if (forbidden.length) throw new Error(`${vsix} contains files that must not ship: ${forbidden.slice(0, 10).map((f) => f.name).join(", ")}`);
  const groups = new Map();
  for (const f of files) {
    const m = /^(node_modules\/(?:@[^/]+\/)?[^/]+|[^/]+\/|[^/]+$)/.exec(f.name);
    const key = m[1].startsWith("node_modules/") && !m[1].startsWith("node_modules/@node-llama-cpp") && m[1] !== "node_modules/node-llama-cpp" ? "node_modules/(other runtime deps)" : m[1];
    groups.set(key, (groups.get(key) ?? 0) + f.size);
  }
  return { count: files.length, unpacked: files.reduce((a, f) => a + f.size, 0), groups };
}

async function main() {
  const started = Date.now();
  mkdirSync(outDir, { recursive: true });
  const plans = [];
  for (const target of targets) {
    const binaries = binaryPackages(target);
    const missing = binaries.filter((name) => !locateBinary(name));
    if (missing.length) {
      const why = `missing ${missing.join(", ")}@${llamaVersion} (npm installs only this platform's binaries${flag("fetch") ? "; the registry has no such version" : "; try --fetch"})`;
      if (explicit) throw new Error(`${target}: ${why}`);
      console.warn(`[package] skipping ${target}: ${why}`);
      continue;
    }
    plans.push({ target, binaries });
  }
  if (!plans.length) throw new Error("nothing to package");
  // vsce refuses this at the repository root; the staged manifest has no devDependencies, so say it here.
  const typesVscode = manifest.devDependencies?.["@types/vscode"]?.replace(/^[\^~]/, "");
  const engine = manifest.engines?.vscode?.replace(/^[\^~>=]+/, "");
  if (typesVscode && engine && compareVersions(typesVscode, engine) > 0) {
    console.warn(`[package] WARNING: @types/vscode ${typesVscode} is newer than engines.vscode ${manifest.engines.vscode}: APIs newer than the engine may be used unchecked.`);
  }
  const dist = buildProduction();
  const results = [];
  for (const { target, binaries } of plans) {
    const t0 = Date.now();
    const dir = stage(target, dist, binaries);
    const vsix = path.join(outDir, `${manifest.name}-${manifest.version}-${target}.vsix`);
    const args = [path.join(ROOT, "node_modules", "@vscode", "vsce", "vsce"), "package", "--target", target, "--out", vsix, "--allow-missing-repository"];
    if (!["LICENSE", "LICENSE.md", "LICENSE.txt"].some((f) => existsSync(path.join(dir, f)))) args.push("--skip-license");
    // vsce runs `npm list` in the staged folder: Node 24 first on PATH for npm.
    run(process.execPath, args, { cwd: dir, env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` } });
    const info = inspect(vsix, target);
    results.push({ target, vsix, binaries, staged: duBytes(dir), size: statSync(vsix).size, seconds: (Date.now() - t0) / 1000, ...info });
  }
  console.log("");
  for (const r of results) {
    console.log(`[package] ${path.relative(ROOT, r.vsix)}: ${mb(r.size)} (${r.count} files, ${mb(r.unpacked)} unpacked) in ${r.seconds.toFixed(1)} s; binaries: ${r.binaries.join(", ")}`);
    for (const [group, bytes] of [...r.groups].sort((a, b) => b[1] - a[1])) console.log(`            ${mb(bytes).padStart(9)}  ${group}`);
  }
  console.log(`[package] PASS: ${results.length} VSIX in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`[package] FAIL: ${error?.message ?? error}`);
  process.exit(1);
});
