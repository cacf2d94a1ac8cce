/** A model file that cannot be used; the message says which file, why, and what to do. */
export class ModelFileError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`The model ${path} cannot be used: ${reason}. Pick another file with "Enclave: Select Model" or the enclave.model setting.`);
    this.name = "ModelFileError";
  }
}

/** A model that could not be downloaded; the message names the URL and the cause. */
export class DownloadError extends Error {
  constructor(readonly url: string, reason: string) {
    super(`Downloading ${url} failed: ${reason}.`);
    this.name = "DownloadError";
  }
}

/** Raised when a prompt names a special token the model does not have (FIM on a chat-only model, say). */
export class MissingTokenError extends Error {
  constructor(readonly token: string, model: string) {
    super(`The model ${model} has no ${token} token, so it cannot do this; choose a code model with fill-in-the-middle tokens.`);
    this.name = "MissingTokenError";
  }
}
