export declare function run(argv: string[]): Promise<number>;
//# sourceMappingURL=generate.d.ts.map