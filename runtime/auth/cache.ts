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
  private current: { value: T; expiresAt: number | undefined; generation: number } | undefined;
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
    if (c && (c.expiresAt === undefined || this.now() < c.expiresAt - this.refreshMarginMs)) {
      return Promise.resolve({ value: c.value, generation: c.generation });
    }
    this.pending ??= this.acquire()
      .then((got) => {
        this.generation++;
        this.current = { value: got.value, expiresAt: got.expiresAt, generation: this.generation };
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

  /** The value held now, without acquiring (for logout). */
  peek(): T | undefined {
    return this.current?.value;
  }

  clear(): void {
    this.current = undefined;
  }
}
