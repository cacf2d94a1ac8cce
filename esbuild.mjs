// Bundles the extension host, the language server, the CLI and the chat webview (with the
// vscode-elements components and the codicon font) into dist/. node-llama-cpp stays external: it loads native binaries that are
// shipped per platform beside the bundle, in node_modules.
import * as esbuild from "esbuild";
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const production = process.argv.includes("--production");
/** The server reports this version in its initialize answer (server/main.ts). */
const version = JSON.parse(readFileSync("package.json", "utf8")).version;
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: production ? false : "linked",
  minify: production,
  logLevel: "warning",
  external: ["node-llama-cpp", "vscode"],
  // web-tree-sitter's ES build reads import.meta.url, which is empty in a CommonJS bundle; its
  // CommonJS build finds its wasm through the locateFile we pass.
  alias: { "web-tree-sitter": "./node_modules/web-tree-sitter/web-tree-sitter.cjs" },
  define: { ENCLAVE_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ["src/extension.ts"], outfile: "dist/extension.js" },
  { ...common, entryPoints: ["server/main.ts"], outfile: "dist/server.js" },
  { ...common, entryPoints: ["server/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  // Preloaded into worker threads of the server and the CLI, so they are guarded too (server/net/workerPatch.ts).
  { ...common, entryPoints: ["server/net/workerGuard.ts"], outfile: "dist/workerGuard.js" },
  // The chat webview, with the vscode-elements components bundled in.
  { ...common, platform: "browser", format: "iife", target: "es2022", external: [], alias: {}, entryPoints: ["media/chat/main.ts"], outfile: "dist/webview.js" },
];

/** Grammars and the tree-sitter runtime are loaded from dist/grammars by path at run time. */
function copyAssets() {
  mkdirSync("dist/grammars", { recursive: true });
  const wasm = "node_modules/@vscode/tree-sitter-wasm/wasm";
  for (const name of ["cpp", "c-sharp", "go", "java", "javascript", "php", "python", "rust", "tsx", "typescript"]) {
    cpSync(`${wasm}/tree-sitter-${name}.wasm`, `dist/grammars/tree-sitter-${name}.wasm`);
  }
  cpSync("node_modules/web-tree-sitter/web-tree-sitter.wasm", "dist/grammars/web-tree-sitter.wasm");
  // The runtime's JavaScript is loaded by path too (server/syntax/parser.ts), not bundled: after a
  // wasm abort the parser evaluates it again to get a fresh instance.
  cpSync("node_modules/web-tree-sitter/web-tree-sitter.cjs", "dist/grammars/web-tree-sitter.js");
  // The chat webview's codicons: the stylesheet and the font it loads (asWebviewUri, font-src).
  mkdirSync("dist/codicons", { recursive: true });
  for (const file of ["codicon.css", "codicon.ttf"]) cpSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
  // Shield's YAML rules become one JSON file beside the bundles; an invalid rule fails the build.
  const { buildRuleBundle } = createRequire(import.meta.url)("./out/server/shield/ruleLoader.js");
  writeFileSync("dist/rules.json", buildRuleBundle("server/shield/rules"));
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyAssets();
  chmodSync("dist/cli.js", 0o755);
}
