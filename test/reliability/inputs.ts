/**
 * What the reliability tests share: big inputs generated at run time in the system's temp
 * folder (never committed), LSP calls with their latency, and a process's memory from /proc.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind,
  type InlineCompletionList,
} from "vscode-languageserver-protocol/node";
import { ShieldScanRequest, type ShieldFinding } from "../../common/protocol";
import type { RunningServer } from "../server/harness";

export const workDir = mkdtempSync(join(tmpdir(), "enclave-reliability-"));
// The inputs are tens of megabytes: gone when the test file's process ends.
process.on("exit", () => rmSync(workDir, { recursive: true, force: true }));

/** Writes `text` to a file in the temp folder and returns its path. */
export function writeInput(name: string, text: string | Buffer): string {
  const path = join(workDir, name);
  writeFileSync(path, text);
  return path;
}

/** About `bytes` of small Python functions (the 45 MB file is this with 45e6). */
export function manyFunctions(bytes: number): string {
  const parts: string[] = ["import os\n\n"];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const f = `def f${i}(a, b):\n    return a + b * ${i}\n\n`;
    parts.push(f);
    size += f.length;
  }
  return parts.join("");
}

/** One line of minified JavaScript, about `bytes` long, with no newline at all. */
export function minifiedLine(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = `var a${i}=function(b){return b*${i}+a${Math.max(0, i - 1)}};`;
    parts.push(s);
    size += s.length;
  }
  return parts.join("");
}

/** Bytes that look like a compiled file: NULs among random bytes, from a fixed seed. */
export function binaryBytes(size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 7 === 0 ? 0 : x >>> 24;
  }
  return out;
}

export async function openDocument(server: RunningServer, name: string, languageId: string, text: string): Promise<string> {
  const uri = pathToFileURL(join(workDir, name)).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

export async function closeDocument(server: RunningServer, uri: string): Promise<void> {
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
}

/** An explicit (Alt+]) completion request, which skips the debounce; with how long it took. */
export async function completeAt(server: RunningServer, uri: string, line: number, character: number): Promise<{ list: InlineCompletionList | null; ms: number }> {
  const started = performance.now();
  const list = (await server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line, character }, context: { triggerKind: InlineCompletionTriggerKind.Invoked },
  })) as InlineCompletionList | null;
  return { list, ms: performance.now() - started };
}

export async function scanText(server: RunningServer, text: string, languageId: string): Promise<{ findings: ShieldFinding[]; ms: number }> {
  const started = performance.now();
  const findings = await server.connection.sendRequest(ShieldScanRequest.type, { text, languageId });
  return { findings, ms: performance.now() - started };
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

/** A Python snippet with a Shield finding (eval of input), for checking Shield still answers. */
export const riskyPython = "import os\n\n\ndef run(user):\n    return eval(user)\n";

/** Prints one measurement line; the report's table is made from these. */
export function measured(test: string, values: Record<string, number | string>): void {
  const text = Object.entries(values).map(([k, v]) => `${k}=${typeof v === "number" ? Math.round(v) : v}`).join(" ");
  process.stdout.write(`# measured ${test}: ${text}\n`);
}

/** Waits until `condition` holds, polling; throws after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
