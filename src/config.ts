import * as vscode from "vscode";
import { settingsSchema } from "../common/settings";

/** The settings section every Enclave setting lives under. */
export const SECTION = "enclave";

/** The current `enclave` section for a resource, as the server expects it at start-up. */
export function currentSettings(resource?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema)) out[key] = config.get(key);
  return out;
}
