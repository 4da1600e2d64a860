/** Where the runtime reports what it does. Every line passes through redaction first. */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}
/** Default: warnings and errors to the console, nothing else. */
export declare const consoleLogger: Logger;
//# sourceMappingURL=logger.d.ts.map
