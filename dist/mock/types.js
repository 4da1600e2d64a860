/**
 * Public option and result types of the mock arrays.
 */
export {};
//# sourceMappingURL=types.js.map