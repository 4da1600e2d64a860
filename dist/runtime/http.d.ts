/**
 * The request pipeline every call goes through — data calls (from
 * openapi-fetch), pages, and the auth calls themselves:
 * request id and user agent → credentials → timeout → send → re-auth once on
 * 401 (Pure1: 403) → retry with backoff on 429/503/busy/network errors.
 * Openapi-fetch's maintainers leave retries and re-auth to the caller; this is
 * that caller.
 */
import type { AuthStrategy } from "./auth/types.js";
import type { Logger } from "./logger.js";
import { type SecretSet } from "./redact.js";
import { type RetryOptions } from "./retry.js";
export interface PipelineOptions {
  /** The transport (TLS-aware fetch, or a mock's fetch). */
  fetch: (request: Request) => Promise<Response>;
  userAgent: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Budget of one logical call including its retries and waits; retries never go past it. */
  deadlineMs?: number | undefined;
  retry?: RetryOptions | undefined;
  logger: Logger;
  secrets: SecretSet;
  /** The status that means "credentials expired": 401 on arrays, 403 on Pure1. */
  reauthStatus: number;
  random?: () => number;
}
export interface SendOptions {
  /** Credentials to attach; absent for login and token calls. */
  auth?: AuthStrategy | undefined;
}
export type Send = (request: Request, options?: SendOptions) => Promise<Response>;
/**
 * The headers each error answer's request really carried (credentials included),
 * redacted: errors show them without the caller's code seeing a token. Kept only
 * for answers that are not ok, the only ones an error is made of.
 */
export declare const sentHeaders: WeakMap<Response, Record<string, string>>;
/**
 * Builds the pipeline.
 *
 * @example
 * ```ts
 * const send = createPipeline({ fetch, userAgent: "purekit/0.1.0", timeoutMs: 30_000, logger, secrets, reauthStatus: 401 });
 * const res = await send(new Request("https://array/api/2.38/volumes"), { auth });
 * ```
 */
export declare function createPipeline(options: PipelineOptions): Send;
//# sourceMappingURL=http.d.ts.map
