import { PurekitError } from "./errors.ts";
import type { RequestLogRecord } from "./middleware.ts";

/**
 * Where the runtime reports what it does. Every line passes through redaction first.
 * `debug` also gets one structured record per request attempt (method, redacted URL,
 * status, duration, attempt, request id) as its second argument.
 *
 * @example
 * ```ts
 * const fa = await createFlashArrayClient({ host, auth, logger: {
 *   debug: (message, record) => record && metrics.observe(record.method, record.status, record.durationMs),
 *   warn: (message) => console.warn(message),
 * } });
 * ```
 */
export interface Logger {
  debug?(message: string, record?: RequestLogRecord): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/** Default: warnings and errors to the console, nothing else. */
export const consoleLogger: Logger = {
  warn: (m) => console.warn(`purekit: ${m}`),
  error: (m) => console.error(`purekit: ${m}`),
};

const LEVELS = ["debug", "info", "warn", "error", "off"] as const;

/**
 * The console logger for `PUREKIT_LOG` (debug, info, warn, error, off; default warn):
 * `PUREKIT_LOG=debug` logs every request attempt to stderr without a code change.
 */
export function consoleLoggerFor(level: string | undefined): Logger {
  const wanted = (level ?? "").trim().toLowerCase();
  if (wanted === "" || wanted === "warn") return consoleLogger;
  const rank = LEVELS.indexOf(wanted as (typeof LEVELS)[number]);
  if (rank < 0) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `PUREKIT_LOG is "${wanted.slice(0, 40)}"; it takes ${LEVELS.join(", ")} (default warn).`,
    );
  }
  const logger: Logger = {};
  // To stderr, all of them: stdout belongs to the program.
  if (rank <= 0) logger.debug = (m) => console.error(`purekit: ${m}`);
  if (rank <= 1) logger.info = (m) => console.error(`purekit: ${m}`);
  if (rank <= 2) logger.warn = consoleLogger.warn as (m: string) => void;
  if (rank <= 3) logger.error = consoleLogger.error as (m: string) => void;
  return logger;
}
