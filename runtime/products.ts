/**
 * The three public client factories. Types follow the newest generated
 * version unless you pass a version's paths yourself (see
 * docs/decisions/version-types.md for why types are not picked from `version`).
 */
import type {
  LatestOperations as FaLatestOperations,
  LatestPaths as FaLatestPaths,
  Version as FaVersion,
} from "../generated/flasharray/index.ts";
import { versions as faVersions, loadTable as loadFa } from "../generated/flasharray/index.ts";
import type {
  LatestOperations as FbLatestOperations,
  LatestPaths as FbLatestPaths,
  Version as FbVersion,
} from "../generated/flashblade/index.ts";
import { versions as fbVersions, loadTable as loadFb } from "../generated/flashblade/index.ts";
import type {
  LatestOperations as P1LatestOperations,
  LatestPaths as P1LatestPaths,
  Version as P1Version,
} from "../generated/pure1/index.ts";
import { loadTable as loadP1, versions as p1Versions } from "../generated/pure1/index.ts";
import { type ArrayAuth, arrayAuthStrategy, type Pure1Auth, pure1AuthStrategy } from "./auth/index.ts";
import { type BaseClientOptions, createPureClient, type PureClient } from "./client.ts";

export type { FaVersion, FbVersion, P1Version };

/** Options of {@link createFlashArrayClient} and {@link createFlashBladeClient}. */
export interface ArrayClientOptions<V extends string> extends BaseClientOptions {
  /** `array.example.com`, `array.example.com:8443`, or `https://array.example.com`. */
  host: string;
  auth: ArrayAuth;
  /** Pin a REST version; default: the newest both purekit and the array know. */
  version?: V;
}

export type FlashArrayClient<Paths extends {} = FaLatestPaths, Ops = FaLatestOperations> = PureClient<
  Paths,
  Ops
>;
export type FlashBladeClient<Paths extends {} = FbLatestPaths, Ops = FbLatestOperations> = PureClient<
  Paths,
  Ops
>;
export type Pure1Client<Paths extends {} = P1LatestPaths, Ops = P1LatestOperations> = PureClient<Paths, Ops>;

/**
 * A FlashArray client: logs in, negotiates the REST version, and exposes typed
 * `GET`/`POST`/…, `paginate`, and friendly methods (`getVolumes`).
 *
 * @example
 * ```ts
 * import { createFlashArrayClient } from "purekit";
 * await using fa = await createFlashArrayClient({ host: "array.example.com", auth: { apiToken: process.env.FA_TOKEN! } });
 * for await (const v of fa.paginate("/volumes", { params: { query: { limit: 500 } } })) console.log(v.name);
 * ```
 */
export function createFlashArrayClient<Paths extends {} = FaLatestPaths, Ops = FaLatestOperations>(
  options: ArrayClientOptions<FaVersion>,
): Promise<FlashArrayClient<Paths, Ops>> {
  return createPureClient<Paths, Ops>({
    ...options,
    product: "flasharray",
    knownVersions: faVersions,
    loadTable: loadFa,
    makeAuth: (ctx) => arrayAuthStrategy(options.auth, ctx),
  });
}

/**
 * A FlashBlade client (login at the unversioned `/api/login`).
 *
 * @example
 * ```ts
 * const fb = await createFlashBladeClient({ host: "fb.example.com", auth: { apiToken }, tls: { ca } });
 * const { data } = await fb.GET("/file-systems", { params: { query: { names: ["fs1"] } } });
 * ```
 */
export function createFlashBladeClient<Paths extends {} = FbLatestPaths, Ops = FbLatestOperations>(
  options: ArrayClientOptions<FbVersion>,
): Promise<FlashBladeClient<Paths, Ops>> {
  return createPureClient<Paths, Ops>({
    ...options,
    product: "flashblade",
    knownVersions: fbVersions,
    loadTable: loadFb,
    makeAuth: (ctx) => arrayAuthStrategy(options.auth, ctx),
  });
}

/** Options of {@link createPure1Client}. */
export interface Pure1ClientOptions extends BaseClientOptions {
  /** Default: `PURE1_APP_ID` + `PURE1_PRIVATE_KEY_FILE`, or `PURE1_ID_TOKEN`. */
  auth?: Pure1Auth;
  /** Default `https://api.pure1.purestorage.com`. */
  baseUrl?: string;
  version?: P1Version;
}

/**
 * A Pure1 client (OAuth2 application JWT exchange; 403 means re-authenticate).
 *
 * @example
 * ```ts
 * const p1 = await createPure1Client({ auth: { appId: "pure1:apikey:…", privateKeyFile: "private.pem" } });
 * const arrays = await p1.getArrays();
 * ```
 */
export function createPure1Client<Paths extends {} = P1LatestPaths, Ops = P1LatestOperations>(
  options: Pure1ClientOptions = {},
): Promise<Pure1Client<Paths, Ops>> {
  return createPureClient<Paths, Ops>({
    ...options,
    host: options.baseUrl ?? "https://api.pure1.purestorage.com",
    product: "pure1",
    knownVersions: p1Versions,
    loadTable: loadP1,
    makeAuth: (ctx) => pure1AuthStrategy(options.auth, ctx),
  });
}
