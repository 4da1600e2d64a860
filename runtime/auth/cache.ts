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

export class CredentialCache<T> {
  /** `refreshAt`: when `get()` stops handing out this value and acquires a new one. */
  private current: { value: T; refreshAt: number; generation: number } | undefined;
  private pending: Promise<{ value: T; generation: number }> | undefined;
  private generation = 0;

  constructor(
    private readonly acquire: () => Promise<Acquired<T>>,
    private readonly now: () => number,
    /** Refresh this long before expiry, so no call goes out with a token about to lapse. */
    private readonly refreshMarginMs = 60_000,
  ) {}

  get(): Promise<{ value: T; generation: number }> {
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
        const refreshAt =
          got.expiresAt === undefined
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

  invalidate(generation: number): void {
    if (this.current?.generation === generation) this.current = undefined;
  }

  /** The value a pending acquisition ends with, or undefined when none is pending or it fails. */
  async settled(): Promise<T | undefined> {
    try {
      return this.pending ? (await this.pending).value : undefined;
    } catch {
      return undefined;
    }
  }

  /** The value held now, without acquiring (for logout). */
  peek(): T | undefined {
    return this.current?.value;
  }

  clear(): void {
    this.current = undefined;
  }
}
