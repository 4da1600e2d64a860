/**
 * What the three product entries (`purekit/flasharray`, `purekit/flashblade`,
 * `purekit/pure1`) share: their options and one factory over a generated product.
 * Each product lives in its own entry so that a FlashArray app type-checks only
 * FlashArray's types (docs/decisions/006-entry-points.md).
 */
import type { GeneratedProduct, Product } from "../spec/table.ts";
import { type ArrayAuth, arrayAuthStrategy, type Pure1Auth, pure1AuthStrategy } from "./auth/index.ts";
import { type BaseClientOptions, createPureClient, type PureClient } from "./client.ts";
import { PurekitError } from "./errors.ts";
import { pure1Profile, type RuntimeProfile } from "./profile.ts";

/** Options of `createFlashArrayClient` and `createFlashBladeClient`. */
export interface ArrayClientOptions<V extends string = string> extends BaseClientOptions {
  /** `array.example.com`, `array.example.com:8443`, or `https://array.example.com`. */
  host: string;
  auth: ArrayAuth;
  /** Pin a REST version; default: the newest both purekit and the array know. */
  version?: V;
}

/** Options of `createPure1Client`. */
export interface Pure1ClientOptions<V extends string = string> extends BaseClientOptions {
  /** Default: `PURE1_APP_ID` + `PURE1_PRIVATE_KEY_FILE`, or `PURE1_ID_TOKEN`. */
  auth?: Pure1Auth;
  /** Default `https://api.pure1.purestorage.com` (the Pure1 profile's `defaultHost`). */
  baseUrl?: string;
  version?: V;
}

/**
 * Versions you generated yourself (`purekit generate --spec … --out DIR`): pass the
 * `generated` export of `DIR/<product>/index.js`, and the client knows those versions
 * and is typed by the newest of them.
 */
export interface WithGenerated<P extends Product, Paths, Ops, V extends string> {
  generated: GeneratedProduct<P, Paths, Ops, V>;
}

function checkGenerated(product: Product, generated: GeneratedProduct): void {
  if (
    !generated ||
    generated.product !== product ||
    !Array.isArray(generated.versions) ||
    typeof generated.loadTable !== "function"
  ) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `generated is not a generated ${product} module: pass the \`generated\` export of ` +
        `<out>/${product}/index.js written by \`purekit generate --spec … --out <out>\`.`,
    );
  }
}

/** The host a product's client talks to when its options name none. */
function defaultHost(profile: RuntimeProfile): string {
  if (profile.defaultHost === undefined) {
    throw new PurekitError("ERR_INVALID_ARGUMENT", `${profile.product} has no default host: give host.`);
  }
  return profile.defaultHost;
}

/** @internal The factories of the product entries call this. */
export function createArrayClient<Paths extends {}, Ops>(
  product: "flasharray" | "flashblade",
  shipped: GeneratedProduct,
  options: ArrayClientOptions & { generated?: GeneratedProduct },
): Promise<PureClient<Paths, Ops>> {
  const generated = options.generated ?? shipped;
  checkGenerated(product, generated);
  const { generated: _g, ...rest } = options;
  return createPureClient<Paths, Ops>({
    ...rest,
    product,
    knownVersions: generated.versions,
    loadTable: (v) => generated.loadTable(v),
    makeAuth: (ctx) => arrayAuthStrategy(options.auth, ctx),
  });
}

/** @internal */
export function createPure1ClientFrom<Paths extends {}, Ops>(
  shipped: GeneratedProduct,
  options: Pure1ClientOptions & { generated?: GeneratedProduct },
): Promise<PureClient<Paths, Ops>> {
  const generated = options.generated ?? shipped;
  checkGenerated("pure1", generated);
  const { generated: _g, baseUrl, ...rest } = options;
  return createPureClient<Paths, Ops>({
    ...rest,
    host: baseUrl ?? defaultHost(pure1Profile),
    product: "pure1",
    knownVersions: generated.versions,
    loadTable: (v) => generated.loadTable(v),
    makeAuth: (ctx) => pure1AuthStrategy(options.auth, ctx),
  });
}
