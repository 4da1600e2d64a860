/**
 * Deterministic randomness: every id, serial and metric value the mock makes is a
 * pure function of a seed string, so two mocks built with the same options hold
 * byte-identical data (tests can snapshot them) and nothing depends on `Math.random`.
 */
/** 32-bit FNV-1a hash of a string. */
export declare function hash32(text: string): number;
/** mulberry32: a tiny, fast PRNG with good enough spread for test data. Returns [0, 1). */
export declare function prng(seed: number): () => number;
/** A UUID-shaped id (version-4 layout) derived from `key`: `deterministicUuid("vol:1")`. */
export declare function deterministicUuid(key: string): string;
/** A 24-digit upper-case hex serial, as FlashArray volumes carry. */
export declare function deterministicSerial(key: string): string;
/** A random-looking token for sessions and access tokens; unique per call within a process. */
export declare function opaqueToken(): string;
//# sourceMappingURL=random.d.ts.map