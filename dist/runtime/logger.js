import { PurekitError } from "./errors.js";
/** Default: warnings and errors to the console, nothing else. */
export const consoleLogger = {
    warn: (m) => console.warn(`purekit: ${m}`),
    error: (m) => console.error(`purekit: ${m}`),
};
const LEVELS = ["debug", "info", "warn", "error", "off"];
/**
 * The console logger for `PUREKIT_LOG` (debug, info, warn, error, off; default warn):
 * `PUREKIT_LOG=debug` logs every request attempt to stderr without a code change.
 */
export function consoleLoggerFor(level) {
    const wanted = (level ?? "").trim().toLowerCase();
    if (wanted === "" || wanted === "warn")
        return consoleLogger;
    const rank = LEVELS.indexOf(wanted);
    if (rank < 0) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `PUREKIT_LOG is "${wanted.slice(0, 40)}"; it takes ${LEVELS.join(", ")} (default warn).`);
    }
    const logger = {};
    // To stderr, all of them: stdout belongs to the program.
    if (rank <= 0)
        logger.debug = (m) => console.error(`purekit: ${m}`);
    if (rank <= 1)
        logger.info = (m) => console.error(`purekit: ${m}`);
    if (rank <= 2)
        logger.warn = consoleLogger.warn;
    if (rank <= 3)
        logger.error = consoleLogger.error;
    return logger;
}
//# sourceMappingURL=logger.js.map