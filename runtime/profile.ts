/**
 * What differs between FlashArray, FlashBlade and Pure1 on the client's side, as data:
 * which status means "log in again", where `api_version` and login live, the default
 * host, where credentials may come from when `auth` is left out. The mock keeps the
 * server's side of the same differences in `mock/profile.ts`; the wire facts are in
 * docs/protocol.md. A new product quirk is a field here, read where the behaviour lives.
 */
import type { Product } from "../spec/table.ts";
import { PurekitError } from "./errors.ts";

/** Environment variables a product's client reads when `auth` is left out. */
export interface AuthEnvironment {
  /** The application id of a JWT-signing app (Pure1: `PURE1_APP_ID`). */
  appId: string;
  /** A file holding the app's private key. */
  privateKeyFile: string;
  /** The key file's password, when it is encrypted. */
  privateKeyPassword: string;
  /** A pre-generated ID token, used when there is no app id and key. */
  idToken: string;
}

/**
 * One product as the runtime sees it.
 *
 * @example
 * ```ts
 * const profile = profileOf("flashblade");
 * profile.reauthStatus; // 401
 * loginPath(profile, "2.17", "login"); // "/api/login"
 * ```
 */
export interface RuntimeProfile {
  product: Product;
  /** The status of a data call whose credentials expired: 401 on the arrays, 403 on Pure1. */
  reauthStatus: number;
  /**
   * Where the product lists the REST versions it speaks (`/api/api_version`; FA answers
   * `{version: […]}`, FB `{versions: […]}`, `listedVersions` reads either); `null`: no such
   * endpoint (Pure1), so the client speaks the newest version it knows, or the pinned one.
   */
  apiVersionPath: string | null;
  /**
   * Whether session login/logout carry the version (`/api/2.N/login`, FlashArray) or not
   * (`/api/login`, FlashBlade); `null`: no session login (Pure1).
   */
  login: "versioned" | "unversioned" | null;
  /** The host when the options give none; `undefined`: the options must give one. */
  defaultHost: string | undefined;
  /** Where credentials come from when `auth` is left out; `null`: `auth` is required. */
  authEnvironment: AuthEnvironment | null;
  /** How to get a new ID token when the one given expired or was refused. */
  renewIdToken: string;
}

/** How an array's ID token is renewed: FlashArray and FlashBlade share it. */
const ARRAY_RENEW_ID_TOKEN =
  "sign a new one (purekit token flasharray --jwt-only …) or give the API client's private key instead";

export const flashArrayProfile: RuntimeProfile = {
  product: "flasharray",
  reauthStatus: 401,
  apiVersionPath: "/api/api_version",
  login: "versioned",
  defaultHost: undefined,
  authEnvironment: null,
  renewIdToken: ARRAY_RENEW_ID_TOKEN,
};

export const flashBladeProfile: RuntimeProfile = {
  product: "flashblade",
  reauthStatus: 401,
  apiVersionPath: "/api/api_version",
  login: "unversioned",
  defaultHost: undefined,
  authEnvironment: null,
  renewIdToken: ARRAY_RENEW_ID_TOKEN,
};

export const pure1Profile: RuntimeProfile = {
  product: "pure1",
  // Pure1 refuses an expired access token with 403, not 401.
  reauthStatus: 403,
  apiVersionPath: null,
  login: null,
  defaultHost: "https://api.pure1.purestorage.com",
  authEnvironment: {
    appId: "PURE1_APP_ID",
    privateKeyFile: "PURE1_PRIVATE_KEY_FILE",
    privateKeyPassword: "PURE1_PRIVATE_KEY_PASSWORD",
    idToken: "PURE1_ID_TOKEN",
  },
  renewIdToken:
    "sign a new one (purekit token pure1 --app-id … --key private.pem) or give appId and privateKey instead",
};

const PROFILES: Readonly<Record<Product, RuntimeProfile>> = {
  flasharray: flashArrayProfile,
  flashblade: flashBladeProfile,
  pure1: pure1Profile,
};

/**
 * The profile of a product.
 *
 * @example
 * ```ts
 * profileOf("pure1").defaultHost; // "https://api.pure1.purestorage.com"
 * ```
 */
export function profileOf(product: Product): RuntimeProfile {
  return PROFILES[product];
}

/**
 * The path of session login or logout at `version`, as the product lays it out.
 *
 * @example
 * ```ts
 * loginPath(flashArrayProfile, "2.38", "logout"); // "/api/2.38/logout"
 * ```
 */
export function loginPath(profile: RuntimeProfile, version: string, action: "login" | "logout"): string {
  if (profile.login === null) {
    throw new PurekitError(
      "ERR_AUTH_CONFIG",
      `${profile.product} has no session login: authenticate with an OAuth2 access token instead.`,
    );
  }
  return profile.login === "unversioned" ? `/api/${action}` : `/api/${version}/${action}`;
}
