export class CredentialCache {
    acquire;
    now;
    refreshMarginMs;
    /** `refreshAt`: when `get()` stops handing out this value and acquires a new one. */
    current;
    pending;
    generation = 0;
    constructor(acquire, now, 
    /** Refresh this long before expiry, so no call goes out with a token about to lapse. */
    refreshMarginMs = 60_000) {
        this.acquire = acquire;
        this.now = now;
        this.refreshMarginMs = refreshMarginMs;
    }
    get() {
        const c = this.current;
        if (c && this.now() < c.refreshAt) {
            return Promise.resolve({ value: c.value, generation: c.generation });
        }
        this.pending ??= this.acquire()
            .then((got) => {
            this.generation++;
            // Never refresh earlier than half-way through the credential's life: with a
            // lifetime shorter than the margin (a 30 s access token and the 60 s default),
            // every get() would otherwise acquire again — one token exchange per call, and
            // no single flight in a storm.
            const refreshAt = got.expiresAt === undefined
                ? Number.POSITIVE_INFINITY
                : got.expiresAt - Math.min(this.refreshMarginMs, Math.max(0, got.expiresAt - this.now()) / 2);
            this.current = { value: got.value, refreshAt, generation: this.generation };
            return { value: got.value, generation: this.generation };
        })
            .finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    invalidate(generation) {
        if (this.current?.generation === generation)
            this.current = undefined;
    }
    /** The value a pending acquisition ends with, or undefined when none is pending or it fails. */
    async settled() {
        try {
            return this.pending ? (await this.pending).value : undefined;
        }
        catch {
            return undefined;
        }
    }
    /** The value held now, without acquiring (for logout). */
    peek() {
        return this.current?.value;
    }
    clear() {
        this.current = undefined;
    }
}
//# sourceMappingURL=cache.js.map