/**
 * Remembers a failed model download beside where the model would go (`<model>.failed`), so the
 * server does not try the same download again at every start — offline, that is a wait and a
 * refused or failed connection each time. The download is tried again when the user asks
 * (Retry / Reload Model) or when a setting it depends on changes (the key differs).
 */
import { promises as fs } from "node:fs";

export interface DownloadFailure {
  /** The model settings the download was made with (ModelManager's key). */
  readonly key: string;
  readonly message: string;
  /** When it failed (ms since the epoch). */
  readonly at: number;
}

const markerOf = (modelPath: string): string => `${modelPath}.failed`;

/** The remembered failure for these settings, or undefined (none, or made with other settings). */
export async function rememberedFailure(modelPath: string, key: string): Promise<DownloadFailure | undefined> {
  try {
    const failure = JSON.parse(await fs.readFile(markerOf(modelPath), "utf8")) as Partial<DownloadFailure>;
    return failure.key === key && typeof failure.message === "string" ? (failure as DownloadFailure) : undefined;
  } catch {
    return undefined;
  }
}

export async function rememberFailure(modelPath: string, failure: DownloadFailure): Promise<void> {
  await fs.writeFile(markerOf(modelPath), JSON.stringify(failure)).catch(() => undefined);
}

export async function forgetFailure(modelPath: string): Promise<void> {
  await fs.rm(markerOf(modelPath), { force: true });
}
