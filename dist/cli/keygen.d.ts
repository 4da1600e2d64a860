export declare function run(argv: string[]): Promise<number>;
//# sourceMappingURL=keygen.d.ts.map