import type { Connection } from "vscode-languageserver/node";
import type { Logger } from "./logger";
import { parseSettings, type EnclaveSettings } from "../common/settings";
import type { SettingsSource } from "./settingsSource";
import { machineLimits } from "./engine/threads";

/**
 * Settings as the LSP client holds them: asked per resource through `workspace/configuration`
 * when the client supports it, otherwise taken from `initializationOptions.enclave` and later
 * `workspace/didChangeConfiguration` pushes. Problems (wrong types, unknown values, values
 * clamped to the machine) are logged once each and the defaults are used, so a typo never
 * takes the server down.
 */
export class LspSettings implements SettingsSource {
  private pushed: unknown;
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection, private readonly log: Logger, private readonly pull: boolean, initial: unknown) {
    this.pushed = isSection(initial) ? initial : {};
  }

  /**
   * Takes a `didChangeConfiguration` payload (`{ enclave: {...} }`) and says whether the
   * settings should be read again. A pulling client's payload only signals "read again" (VS Code
   * sends `null`). A push-only client's payload replaces the settings, so one that is not an
   * object with an `enclave` object in it (`{ enclave: "x" }`, `null`) is ignored with a
   * warning: taken as is it would reset every setting to its default and unload the model.
   */
  update(settings: unknown): boolean {
    const section = isSection(settings) ? settings.enclave : undefined;
    if (isSection(section)) {
      this.pushed = section;
      return true;
    }
    if (this.pull) return true;
    this.log.warn(`Ignored a workspace/didChangeConfiguration without an "enclave" settings object (got ${describe(settings)}); the current settings stay.`);
    return false;
  }

  async get(resource?: string): Promise<EnclaveSettings> {
    let raw = this.pushed;
    if (this.pull) {
      try {
        const pulled: unknown = await this.connection.workspace.getConfiguration({ scopeUri: resource, section: "enclave" });
        if (isSection(pulled)) raw = pulled;
        else this.log.debug(`workspace/configuration answered ${describe(pulled)}; using the settings sent before.`);
      } catch (error) {
        this.log.debug(`workspace/configuration failed (${(error as Error).message}); using the settings sent before.`);
      }
    }
    const { settings, problems } = parseSettings(raw, machineLimits());
    for (const problem of problems) {
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      this.log.warn(problem.message);
    }
    return settings;
  }
}

/** An `enclave` section, or a payload holding one, is a plain object. */
function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short description of a malformed payload for the log (never its whole content). */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
