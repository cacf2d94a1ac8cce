/** Log levels in increasing order of importance. */
export const logLevels = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof logLevels)[number];

/** A minimal logger; the server sends lines to the client's output channel, the CLI to stderr. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Builds a logger that drops lines below `min` and hands the rest to `sink`. */
export function createLogger(sink: (level: LogLevel, line: string) => void, min: () => LogLevel): Logger {
  const enabled = (level: LogLevel): boolean => logLevels.indexOf(level) >= logLevels.indexOf(min());
  const at = (level: LogLevel) => (message: string): void => {
    if (enabled(level)) sink(level, message);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A logger that writes nothing, for tests and quiet CLI runs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
