/**
 * Public option and result types of the mock arrays.
 */

import type { FaultInjector } from "./faults.ts";
import type { MockAnswer, MockRequest } from "./http.ts";
import type { Journal } from "./journal.ts";
import type { RequestHandler } from "./msw.ts";
import type { MockState } from "./state/store.ts";

/** A user of the mock array. */
export interface MockUser {
  username: string;
  /** Accepted by the FA ≥ 2.47 login body and by REST 1.x `auth/apitoken`. */
  password?: string;
  /** The user's API token (one is derived from the name when left out). */
  apiToken?: string;
  /** `readonly`, `ops_admin`, `storage_admin` or `array_admin` (default). */
  role?: string;
}

/** An API client registered on the array (`pureapiclient create` + `enable`). */
export interface MockApiClient {
  clientId: string;
  keyId: string;
  issuer: string;
  /** The client's public key: SPKI PEM (`BEGIN PUBLIC KEY`), or a `CryptoKey`. */
  publicKey: string | CryptoKey;
  /** Disabled clients are refused at token exchange (default `true`). */
  enabled?: boolean;
  /** `readonly` … `array_admin` (default `array_admin`). */
  maxRole?: string;
  /** Access-token lifetime for this client; default the mock's `accessTokenTtlMs`. */
  accessTokenTtlMs?: number;
}

/** A Pure1 application (API key registration). */
export interface MockPure1App {
  /** e.g. `pure1:apikey:iRT5OwhslZVLWNGG`; the JWT's `iss`. */
  appId: string;
  publicKey: string | CryptoKey;
  enabled?: boolean;
}

/**
 * What the array holds at start: real lab answers (`recorded`), nothing (`empty`),
 * or generated items per collection, e.g. `{ volumes: 100_000, hosts: 50 }`
 * (keys are collection names as in the path: `volumes`, `host-groups`, `file-systems`…).
 */
export type MockSeed = "recorded" | "empty" | Record<string, number> | RecordedSeed;

/**
 * A seed folder written by `purekit mock record` (a path, or a `file:` URL): the mock
 * starts with the recorded answers and is stateful on top.
 */
export type RecordedSeed = (string & {}) | URL;

/** Options shared by all three products. */
export interface MockCommonOptions {
  /** One REST version to serve (default: the newest generated). */
  version?: string;
  /** Several REST versions at once, e.g. `["2.0", …, "2.38"]`. Wins over `version`. */
  versions?: readonly string[];
  /** Origin the handlers answer, e.g. `https://flasharray.mock`. */
  baseUrl?: string;
  /** Lifetime of OAuth2 access tokens (FA/FB default 1 day, Pure1 10 hours). */
  accessTokenTtlMs?: number;
  /**
   * What the array holds at start (default `recorded` for FA/FB, a small generated fleet
   * for Pure1); a folder path or URL replays a recording of `purekit mock record`.
   */
  seed?: MockSeed;
  /** Clock for sessions, tokens and timestamps (default `Date.now`); tests can move time. */
  now?: () => number;
  /**
   * Largest request body accepted (default 16 MiB); larger ones answer 413 with
   * `errors[]`, and reading stops at the limit.
   */
  maxRequestBytes?: number;
  /** Where the recorded answers live (default `../shared/fixtures/recorded` beside the checkout). */
  fixturesDir?: string | URL;
}

/** Options of {@link createFlashArrayMock} and {@link createFlashBladeMock}. */
export interface ArrayMockOptions extends MockCommonOptions {
  /** Accepted API tokens; a string belongs to the first user. One is generated if none is given. */
  apiTokens?: readonly (string | { token: string; username: string })[];
  /**
   * Users (default one: `pureuser` with a random password made per mock, read it from
   * {@link MockArray.password}; there is no well-known default password).
   */
  users?: readonly MockUser[];
  /**
   * Wrong passwords in a row (login body, REST 1.x `auth/apitoken`) before a user is
   * locked out, and for how long: default 5 and 5 minutes. While locked the array
   * answers 429 with `Retry-After`, even to the right password.
   */
  loginLockout?: { maxAttempts?: number; durationMs?: number };
  /** Registered OAuth2 API clients. */
  apiClients?: readonly MockApiClient[];
  /**
   * A fleet served by this one mock: its name and member arrays, the first being the
   * array that receives requests. Each member holds its own objects (seeded alike);
   * `context_names` chooses the members a call acts on, and listed items carry their
   * `context`.
   */
  fleet?: { name: string; members: readonly string[] };
  /** Idle lifetime of a login session (default 1 hour, what users measure on real arrays). */
  sessionTtlMs?: number;
}

/** Options of {@link createPure1Mock}. */
export interface Pure1MockOptions extends MockCommonOptions {
  apps?: readonly MockPure1App[];
  /** Requests allowed per second and minute (default 50 and 1000); answers carry `X-RateLimit-*`. */
  rateLimit?: { perSecond?: number; perMinute?: number };
}

/**
 * A mock array without its msw handlers: what `createMockCore` makes and the standalone
 * servers (`purekit mock`) serve, so they need no msw.
 */
export type ServedArray = Omit<MockArray, "handlers">;

/** What every adapter (msw handlers, in-process fetch, standalone servers) calls. */
export interface MockCore {
  readonly product: "flasharray" | "flashblade" | "pure1";
  /** Origin it answers, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Answers one request given as plain data, with no web `Request` or `Response`
   * (what the node:http server calls); `null` when an injected `drop` fault wants the
   * connection dropped.
   */
  answer(request: MockRequest): Promise<MockAnswer | null>;
  /** Answers one web `Request` (what the msw handlers and `Deno.serve` call). */
  handle(request: Request): Promise<Response>;
}

/** A mock array: handlers to install, or a `fetch` that answers in-process. */
export interface MockArray extends MockCore {
  /** REST versions served, oldest first. */
  readonly versions: readonly string[];
  /** An API token the array accepts (the first configured, or a generated one); `""` for Pure1. */
  readonly apiToken: string;
  /** The first user's password (the generated one by default); `""` for Pure1. */
  readonly password: string;
  /** Largest request body accepted, in bytes (the standalone servers enforce it too). */
  readonly maxRequestBytes: number;
  /** msw request handlers, for `setupServer(...array.handlers)` or `setupWorker`. */
  readonly handlers: RequestHandler[];
  /** A `fetch` answered in-process by the array itself (no msw); patches nothing global. */
  readonly fetch: typeof fetch;
  /** Collections, sessions and tokens: read and change what the array holds. */
  readonly state: MockState;
  /** Failure injection. */
  readonly faults: FaultInjector;
  /** Every request received, secrets redacted. */
  readonly journal: Journal;
  /** Resolves once tables are loaded and the seed is in place (handlers wait for it themselves). */
  readonly ready: Promise<void>;
  /** Forgets sessions and pending faults; the mock answers 503 afterwards. */
  close(): void;
}

/** The platform's Web Crypto key type, without the DOM lib's global name (see runtime/crypto-key.ts). */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
