import type { RequestLogRecord } from "./middleware.js";
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
export declare const consoleLogger: Logger;
/**
 * The console logger for `PUREKIT_LOG` (debug, info, warn, error, off; default warn):
 * `PUREKIT_LOG=debug` logs every request attempt to stderr without a code change.
 */
export declare function consoleLoggerFor(level: string | undefined): Logger;
//# sourceMappingURL=logger.d.ts.map