import type { Connection } from "vscode-languageserver/node";
import type { Logger } from "./logger";
import { parseSettings, type EnclaveSettings } from "../common/settings";
import type { SettingsSource } from "./settingsSource";

/**
 * Settings as the LSP client holds them: asked per resource through `workspace/configuration`
 * when the client supports it, otherwise taken from `initializationOptions.enclave` and later
 * `workspace/didChangeConfiguration` pushes. Problems (wrong types, unknown values) are logged
 * once each and the defaults are used, so a typo never takes the server down.
 */
export class LspSettings implements SettingsSource {
  private pushed: unknown;
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection, private readonly log: Logger, private readonly pull: boolean, initial: unknown) {
    this.pushed = initial;
  }

  /** Takes a `didChangeConfiguration` payload (`{ enclave: {...} }`) from push-only clients. */
  update(settings: unknown): void {
    const section = (settings as { enclave?: unknown } | null)?.enclave;
    if (section !== undefined) this.pushed = section;
  }

  async get(resource?: string): Promise<EnclaveSettings> {
    let raw = this.pushed;
    if (this.pull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: resource, section: "enclave" });
      } catch (error) {
        this.log.debug(`workspace/configuration failed (${(error as Error).message}); using the settings sent at start-up.`);
      }
    }
    const { settings, problems } = parseSettings(raw ?? {});
    for (const problem of problems) {
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      this.log.warn(problem.message);
    }
    return settings;
  }
}
