import type { EnclaveSettings } from "../common/settings";

/**
 * Where features read settings from. The server asks the client per resource
 * (`workspace/configuration`), the CLI answers from its flags; nothing caches settings in
 * globals, so a changed setting is seen by the next request.
 */
export interface SettingsSource {
  get(resource?: string): Promise<EnclaveSettings>;
}
