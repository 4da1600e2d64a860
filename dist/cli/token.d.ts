export declare function run(argv: string[]): Promise<number>;
//# sourceMappingURL=token.d.ts.map