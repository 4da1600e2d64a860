/** Default: warnings and errors to the console, nothing else. */
export const consoleLogger = {
  warn: (m) => console.warn(`purekit: ${m}`),
  error: (m) => console.error(`purekit: ${m}`),
};
//# sourceMappingURL=logger.js.map
