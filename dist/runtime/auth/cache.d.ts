/**
 * One credential, fetched once however many callers ask at the same time
 * (single flight), refreshed before it expires, and dropped only by the
 * generation that the server rejected — so 1000 concurrent calls that all get
 * a 401 for the same expired session cause exactly one new login.
 */
export interface Acquired<T> {
    value: T;
    /** Epoch ms after which the value must not be used, if known. */
    expiresAt?: number | undefined;
}
export declare class CredentialCache<T> {
    private readonly acquire;
    private readonly now;
    /** Refresh this long before expiry, so no call goes out with a token about to lapse. */
    private readonly refreshMarginMs;
    /** `refreshAt`: when `get()` stops handing out this value and acquires a new one. */
    private current;
    private pending;
    private generation;
    constructor(acquire: () => Promise<Acquired<T>>, now: () => number, 
    /** Refresh this long before expiry, so no call goes out with a token about to lapse. */
    refreshMarginMs?: number);
    get(): Promise<{
        value: T;
        generation: number;
    }>;
    invalidate(generation: number): void;
    /** The value a pending acquisition ends with, or undefined when none is pending or it fails. */
    settled(): Promise<T | undefined>;
    /** The value held now, without acquiring (for logout). */
    peek(): T | undefined;
    clear(): void;
}
//# sourceMappingURL=cache.d.ts.map