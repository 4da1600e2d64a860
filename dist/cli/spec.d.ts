export declare function run(argv: string[]): Promise<number>;
//# sourceMappingURL=spec.d.ts.map