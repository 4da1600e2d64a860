export {};
//# sourceMappingURL=purekit.d.ts.map