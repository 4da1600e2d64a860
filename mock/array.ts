/**
 * The core of one mock array: composes the state store, credentials, fault injector
 * and journal with a router that speaks the wire protocol of docs/protocol.md. It
 * answers a platform-free {@link MockRequest} with a {@link MockAnswer} and depends on
 * no HTTP library: msw handlers (msw.ts), the in-process fetch (fetch.ts) and the
 * standalone servers (server/) are adapters around it. Product differences come in as
 * a {@link ProductProfile}.
 */

import { compareVersions } from "../runtime/versions.ts";
import type { OperationInfo } from "../spec/table.ts";
import { Credentials } from "./auth/credentials.ts";
import { exchangeArrayJwt, exchangePure1Jwt, readExchange, tokenAnswer } from "./auth/oauth.ts";
import { checkRole } from "./auth/roles.ts";
import { checkJsonDepth, DEFAULT_MAX_REQUEST_BYTES } from "./body.ts";
import { type DataContext, type DataHandler, genericHandler } from "./collections.ts";
import { FaultInjector } from "./faults.ts";
import { createArrayFetch } from "./fetch.ts";
import { Fleet, mergeListings } from "./fleet.ts";
import {
  badRequest,
  empty,
  errorResponse,
  json,
  type MockAnswer,
  MockHttpError,
  type MockRequest,
} from "./http.ts";
import { Journal } from "./journal.ts";
import type { ProductProfile } from "./profile.ts";
import { applySeed, DEFAULT_FIXTURES_DIRS } from "./seed/index.ts";
import {
  generatedVersions,
  itemPropertiesOf,
  latestVersion,
  loadVersion,
  operationOf,
  propertiesOf,
  type VersionSpec,
} from "./spec.ts";
import { deterministicUuid, opaqueToken } from "./state/random.ts";
import { MockState } from "./state/store.ts";
import type {
  ArrayMockOptions,
  MockApiClient,
  MockCore,
  MockPure1App,
  MockUser,
  Pure1MockOptions,
  ServedArray,
} from "./types.ts";
import { parseBody, parseQuery } from "./validate.ts";
import { fromWebRequest, toResponse } from "./web.ts";

const HOUR_MS = 3_600_000;
/** `/api/2.56` before a data path (faults match paths with and without it). */
const VERSION_PREFIX = /^\/api\/\d+\.\d+(?=\/)/;

/**
 * Resolves `version`/`versions` against what is generated; unknown versions fail early and clearly.
 * Answers them oldest first, without repeats, in the order of the generated list.
 */
function servedVersions(profile: ProductProfile, options: ArrayMockOptions | Pure1MockOptions): string[] {
  const known = generatedVersions(profile.product);
  const wanted = options.versions?.length
    ? options.versions
    : [options.version ?? latestVersion(profile.product)];
  for (const v of wanted) {
    if (!known.includes(v)) {
      throw new RangeError(`${profile.product} REST ${v} is not generated; known: ${known.join(", ")}`);
    }
  }
  return known.filter((v) => wanted.includes(v));
}

/**
 * Builds the core of a mock array for a product profile, with its in-process fetch
 * but no msw handlers (msw.ts adds those). Use the product factories instead.
 */
export function createMockCore(
  profile: ProductProfile,
  options: ArrayMockOptions & Pure1MockOptions,
): ServedArray {
  const now = options.now ?? Date.now;
  const versions = servedVersions(profile, options);
  const newest = versions[versions.length - 1] as string;
  const baseUrl = (options.baseUrl ?? profile.defaultBaseUrl).replace(/\/+$/, "");
  // No well-known default password: a fresh random one per mock, shown as `array.password`.
  const users = options.users ?? [{ username: "pureuser", password: opaqueToken() }];
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const readText = (request: MockRequest) => request.text(maxRequestBytes);
  const credentials = new Credentials({
    users,
    apiTokens: options.apiTokens ?? [],
    sessionTtlMs: options.sessionTtlMs ?? HOUR_MS,
    now,
    ...(options.loginLockout ? { lockout: options.loginLockout } : {}),
  });
  const apiClients: readonly MockApiClient[] = options.apiClients ?? [];
  const apps: readonly MockPure1App[] = options.apps ?? [];
  const accessTokenTtlMs = options.accessTokenTtlMs ?? profile.defaultAccessTokenTtlMs;
  const state = new MockState(credentials, profile.aliases);
  const journal = new Journal(now);
  const faults = new FaultInjector(
    (status, message) => profile.errorBody(status, message),
    `${profile.product}-faults`,
  );
  const rate = {
    perSecond: options.rateLimit?.perSecond ?? 50,
    perMinute: options.rateLimit?.perMinute ?? 1000,
  };
  const windows = { second: -1, secondCount: 0, minute: -1, minuteCount: 0 };
  let idCounter = 0;
  let closed = false;

  // A fleet: one state per member array, the local one first (mock/fleet.ts).
  const fleetMembers = options.fleet?.members ?? [];
  if (options.fleet) {
    const { name, members } = options.fleet;
    if (!members.length || new Set(members).size !== members.length || members.includes(name)) {
      throw new RangeError(
        `fleet: give a name and one or more distinct member names, none equal to the fleet's name (got ${JSON.stringify(options.fleet)})`,
      );
    }
  }
  const memberStates = fleetMembers.slice(1).map(() => new MockState(credentials, profile.aliases));
  let fleet = new Fleet(profile.product, null, [{ name: "mock-array", id: "", state }]);
  const ready = (async () => {
    const spec = await loadVersion(profile.product, newest);
    for (const s of [state, ...memberStates]) {
      await applySeed(
        profile,
        s,
        spec,
        options.seed ?? "recorded",
        options.fixturesDir ?? DEFAULT_FIXTURES_DIRS,
      );
    }
    if (options.fleet) {
      const id = (name: string) => deterministicUuid(`${profile.product}|array|${name}`);
      fleet = new Fleet(
        profile.product,
        options.fleet.name,
        fleetMembers.map((name, i) => ({
          name,
          id: id(name),
          state: i === 0 ? state : (memberStates[i - 1] as MockState),
        })),
      );
      fleet.seed();
    } else {
      const local = state.has("/arrays") ? state.collection("/arrays").scan().next().value?.item : undefined;
      fleet = new Fleet(profile.product, null, [
        {
          name: typeof local?.name === "string" ? local.name : "mock-array",
          id: typeof local?.id === "string" ? local.id : deterministicUuid(`${profile.product}|array`),
          state,
        },
      ]);
    }
  })();
  ready.catch(() => {});
  // Once seeded, requests skip the wait (an await per request is a promise and a tick).
  let seeded = false;
  ready.then(
    () => {
      seeded = true;
    },
    () => {},
  );
  /** Versions already loaded, so a request does not await the loader's cached promise. */
  const loaded = new Map<string, VersionSpec>();
  async function versionSpec(version: string): Promise<VersionSpec> {
    let spec = loaded.get(version);
    if (!spec) {
      spec = await loadVersion(profile.product, version);
      loaded.set(version, spec);
    }
    return spec;
  }

  // ---------------------------------------------------------------------------- auth endpoints

  function apiVersion(): MockAnswer {
    const key = profile.apiVersionKey as string;
    return json({ [key]: [...profile.legacyVersions, ...versions] });
  }

  /**
   * The user a `{username, password}` body names; 401 when the pair does not match,
   * 429 while the user is locked out after too many wrong passwords.
   */
  function userByPassword(body: { username?: unknown; password?: unknown }): MockUser {
    const check = credentials.checkPassword(body.username, body.password);
    if ("user" in check) return check.user;
    if (check.problem === "locked") {
      const seconds = Math.max(1, Math.ceil((check.until - now()) / 1000));
      throw new MockHttpError(
        429,
        [
          {
            context: "username",
            message: `Too many failed login attempts; the user is locked out for ${seconds} more seconds.`,
          },
        ],
        { headers: { "retry-after": String(seconds) } },
      );
    }
    throw new MockHttpError(401, [{ context: "username", message: "Invalid username or password." }]);
  }

  /** A JSON `{username, password}` body, or `{}` when empty. */
  function passwordBody(text: string, hint: string): { username?: unknown; password?: unknown } {
    checkJsonDepth(text);
    let body: unknown;
    try {
      body = JSON.parse(text || "{}");
    } catch {
      throw badRequest(hint, "body");
    }
    return typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  }

  /** `POST /api/2.N/login` (FB `/api/login`): an `api-token` header, or a password body where the version takes one. */
  async function login(request: MockRequest, spec: VersionSpec): Promise<MockAnswer> {
    const token = request.headers.get("api-token");
    if (token !== null) {
      const username = credentials.apiTokens.get(token);
      if (!username) throw new MockHttpError(401, [{ context: "api-token", message: "Invalid API token." }]);
      const session = credentials.openSession(username);
      return json(profile.loginBody(username), 200, { "x-auth-token": session.token });
    }
    const text = await readText(request);
    const loginOp = spec.table.authOperations.find((o) => o.path.endsWith("/login"));
    const acceptsPassword = loginOp?.body?.schema === "LoginPost";
    if (!text.trim() || !acceptsPassword) {
      throw new MockHttpError(401, [
        {
          context: "api-token",
          message: acceptsPassword
            ? "Log in with an api-token header, or a JSON body {username, password}."
            : `Log in with an api-token header (REST ${spec.version} takes no username/password login).`,
        },
      ]);
    }
    const body = passwordBody(text, 'Malformed JSON login body; send {"username": …, "password": …}.');
    const user = userByPassword(body);
    const session = credentials.openSession(user.username);
    return json(profile.loginBody(user.username), 200, { "x-auth-token": session.token });
  }

  function logout(request: MockRequest): MockAnswer {
    const token = request.headers.get("x-auth-token");
    if (!credentials.closeSession(token)) {
      throw profile.unauthorized(token ? "unknown" : "missing", "session");
    }
    return empty();
  }

  async function legacyApiToken(request: MockRequest): Promise<MockAnswer> {
    const body = passwordBody(
      await readText(request),
      'Malformed JSON body; send {"username": …, "password": …}.',
    );
    return json({ api_token: credentials.apiTokenOf(userByPassword(body).username) });
  }

  async function token(request: MockRequest): Promise<MockAnswer> {
    const jwt = readExchange(request, await readText(request));
    const issued =
      profile.product === "pure1"
        ? await exchangePure1Jwt(jwt, apps, credentials, accessTokenTtlMs, now())
        : await exchangeArrayJwt(jwt, apiClients, credentials, accessTokenTtlMs, now());
    return json(tokenAnswer(issued, now()));
  }

  /**
   * Checks the caller's credentials; answers the role they act with. FA/FB take a
   * login session or a Bearer access token; Pure1 only a Bearer token.
   */
  function authenticate(request: MockRequest): string {
    const sessionToken = profile.product === "pure1" ? null : request.headers.get("x-auth-token");
    if (sessionToken !== null) {
      const found = credentials.session(sessionToken);
      if (typeof found === "string") throw profile.unauthorized(found, "session");
      return credentials.users.get(found.username)?.role ?? "array_admin";
    }
    const authorization = request.headers.get("authorization");
    if (authorization !== null) {
      const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1] ?? null;
      const found = credentials.accessToken(bearer);
      if (typeof found === "string") throw profile.unauthorized(found, "bearer");
      return found.role;
    }
    throw profile.unauthorized("missing", profile.product === "pure1" ? "bearer" : "session");
  }

  // ------------------------------------------------------------------------------- data calls

  /** What a data operation needs that does not change per request: worked out on its first call. */
  interface Plan {
    itemProps: DataContext["itemProps"];
    destroyable: boolean;
    partialStatus: number;
    handler: DataHandler;
  }
  const plans = new WeakMap<OperationInfo, Plan>();

  function planOf(spec: VersionSpec, op: OperationInfo): Plan {
    let plan = plans.get(op);
    if (!plan) {
      const getOp = op.method === "get" ? op : operationOf(spec, "get", op.path);
      const patchBody = operationOf(spec, "patch", op.path)?.body?.schema;
      plan = {
        itemProps: itemPropertiesOf(spec, getOp?.responseSchema ?? op.responseSchema),
        destroyable: patchBody ? "destroyed" in propertiesOf(spec, spec.schemas[patchBody]) : false,
        partialStatus:
          profile.partialSuccessSince && compareVersions(spec.version, profile.partialSuccessSince) >= 0
            ? 207
            : 200,
        handler: profile.semantics[`${op.method.toUpperCase()} ${op.path}`] ?? genericHandler,
      };
      plans.set(op, plan);
    }
    return plan;
  }

  async function data(request: MockRequest, spec: VersionSpec, path: string): Promise<MockAnswer> {
    const op = operationOf(spec, request.method, path);
    if (!op) {
      if (spec.paths.has(path)) {
        const allowed = ["GET", "POST", "PATCH", "PUT", "DELETE"]
          .filter((m) => operationOf(spec, m, path))
          .join(", ");
        throw new MockHttpError(
          405,
          [{ context: path, message: `${request.method} is not supported on ${path}; use ${allowed}.` }],
          { headers: { allow: allowed } },
        );
      }
      throw new MockHttpError(404, [
        { context: path, message: `No such path in ${profile.product} REST ${spec.version}: ${path}.` },
      ]);
    }
    const role = authenticate(request);
    if (profile.product !== "pure1") checkRole(role, op.method, op.path, profile.storageRoots);
    const query = parseQuery(request.search, op);
    // A GET carries no body (the adapters drop one), so there is nothing to read or check.
    const body = op.method === "get" ? undefined : await parseBody(request, op, spec, maxRequestBytes);
    const plan = planOf(spec, op);
    const members =
      profile.product === "pure1" ? [fleet.local] : fleet.resolve(query.context_names, op.method !== "get");
    const { context_names: _contexts, ...rest } = query;
    const base: DataContext = {
      product: profile.product,
      spec,
      op,
      query: rest,
      body,
      headers: request.headers,
      state,
      contextRef: profile.product === "pure1" ? null : { name: fleet.local.name, id: fleet.local.id },
      now: now(),
      itemProps: plan.itemProps,
      destroyable: plan.destroyable,
      newId: (key) => deterministicUuid(`${profile.product}|${key}|${++idCounter}`),
      partialStatus: plan.partialStatus,
    };
    const handler = plan.handler;
    const answers: MockAnswer[] = [];
    for (const member of members) {
      answers.push(
        await handler({ ...base, state: member.state, contextRef: { name: member.name, id: member.id } }),
      );
    }
    return answers.length === 1 ? (answers[0] as MockAnswer) : mergeListings(answers);
  }

  // ---------------------------------------------------------------------------------- routing

  async function route(request: MockRequest): Promise<MockAnswer> {
    const path = request.path;
    const method = request.method;
    if (path === "/oauth2/1.0/token") {
      if (method !== "POST")
        throw new MockHttpError(405, "Use POST for /oauth2/1.0/token.", { headers: { allow: "POST" } });
      return token(request);
    }
    if (path === "/api/api_version" && profile.apiVersionKey) {
      if (method !== "GET")
        throw new MockHttpError(405, "Use GET for /api/api_version.", { headers: { allow: "GET" } });
      return apiVersion();
    }
    if (profile.login === "unversioned") {
      if (path === "/api/login" && method === "POST") {
        return login(request, await loadVersion(profile.product, newest));
      }
      if (path === "/api/logout" && method === "POST") return logout(request);
      if (path === "/api/login-banner" && method === "GET") return json({ login_banner: "" });
    }
    const match = /^\/api\/(\d+\.\d+(?:\.\d+)?)(\/.*)?$/.exec(path);
    if (!match) throw new MockHttpError(404, [{ context: path, message: `No such path: ${path}.` }]);
    const version = match[1] as string;
    const rest = match[2] ?? "/";
    if (profile.legacyVersions.includes(version)) {
      if (rest === "/auth/apitoken" && method === "POST") return legacyApiToken(request);
      throw new MockHttpError(404, [
        {
          context: path,
          message: `REST ${version} answers only POST /api/${version}/auth/apitoken on this mock; use REST 2.x.`,
        },
      ]);
    }
    if (!versions.includes(version)) {
      throw new MockHttpError(404, [
        {
          context: version,
          message: `REST version ${version} is not supported by this array; supported: ${versions.join(", ")} (GET /api/api_version).`,
        },
      ]);
    }
    const spec = loaded.get(version) ?? (await versionSpec(version));
    if (profile.login === "versioned" && method === "POST") {
      if (rest === "/login") return login(request, spec);
      if (rest === "/logout") return logout(request);
    }
    return data(request, spec, rest);
  }

  /** The answer of {@link route}, a thrown {@link MockHttpError} included. */
  async function routed(request: MockRequest): Promise<MockAnswer> {
    try {
      return await route(request);
    } catch (e) {
      if (e instanceof MockHttpError) return errorResponse(e);
      throw e;
    }
  }

  function rateLimitHeaders(answer: MockAnswer, remaining: { second: number; minute: number }): MockAnswer {
    const headers = answer.headers;
    headers["x-ratelimit-limit-second"] = String(rate.perSecond);
    headers["x-ratelimit-limit-minute"] = String(rate.perMinute);
    headers["x-ratelimit-remaining-second"] = String(Math.max(0, remaining.second));
    headers["x-ratelimit-remaining-minute"] = String(Math.max(0, remaining.minute));
    return answer;
  }

  async function rated(request: MockRequest): Promise<MockAnswer> {
    if (profile.product !== "pure1") return routed(request);
    const t = now();
    const second = Math.floor(t / 1000);
    const minute = Math.floor(t / 60_000);
    if (windows.second !== second) Object.assign(windows, { second, secondCount: 0 });
    if (windows.minute !== minute) Object.assign(windows, { minute, minuteCount: 0 });
    windows.secondCount++;
    windows.minuteCount++;
    const remaining = {
      second: rate.perSecond - windows.secondCount,
      minute: rate.perMinute - windows.minuteCount,
    };
    if (remaining.second < 0 || remaining.minute < 0) {
      return rateLimitHeaders(json({ message: "Rate limit exceeded." }, 429), remaining);
    }
    return rateLimitHeaders(await routed(request), remaining);
  }

  /** The core: one request in, one answer out (`null`: drop the connection). */
  async function answer(request: MockRequest): Promise<MockAnswer | null> {
    const entry = journal.record(request);
    let answer: MockAnswer | null;
    if (closed) {
      answer = json(profile.errorBody(503, "The mock array was closed."), 503);
    } else {
      answer = await faults.apply(request, VERSION_PREFIX, async () => {
        try {
          if (!seeded) await ready;
          return await rated(request);
        } catch (e) {
          return json(profile.errorBody(500, `Mock failure: ${(e as Error).message}`), 500);
        }
      });
    }
    const requestId = request.headers.get("x-request-id");
    if (requestId && answer) answer.headers["x-request-id"] = requestId;
    entry.status = answer?.status ?? 0;
    return answer;
  }

  const core: MockCore = {
    product: profile.product,
    baseUrl,
    answer,
    async handle(request: Request): Promise<Response> {
      return toResponse(await answer(fromWebRequest(request)));
    },
  };

  return {
    product: profile.product,
    baseUrl,
    versions,
    apiToken: profile.product === "pure1" ? "" : credentials.primaryApiToken,
    password: profile.product === "pure1" ? "" : (users[0]?.password ?? ""),
    maxRequestBytes,
    fetch: createArrayFetch(core),
    state,
    faults,
    journal,
    ready,
    answer,
    handle: core.handle,
    close() {
      closed = true;
      faults.clear();
      credentials.expireSessions();
      credentials.expireAccessTokens();
    },
  };
}
