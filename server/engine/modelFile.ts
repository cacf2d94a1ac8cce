import { statSync } from "node:fs";
import { ModelFileError } from "./errors";

/** The size of a model file, or a clear error when it is missing or not a file. */
export function modelFileSize(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new ModelFileError(path, "the file does not exist");
  }
  if (stat.isDirectory()) throw new ModelFileError(path, "it is a directory, not a .gguf file");
  // A pipe or a device (a FIFO, /dev/zero) has no size to check and would be read without end.
  if (!stat.isFile()) throw new ModelFileError(path, "it is not a regular file (a pipe or a device), not a .gguf file");
  return stat.size;
}
