/**
 * Record and replay: what a recording proxy (`purekit mock record`) keeps of the answers
 * of a real array (or another mock), and how a mock is seeded from it.
 *
 * Recording keeps the items of successful `GET /api/<version>/<path>` answers, merged by
 * name or id per version-free path, and never a header. Secrets are replaced before
 * anything is kept: fields named like secrets (`password`, `secret_access_key`,
 * `api_token`, `private_key`…) anywhere in an item, and every credential the session
 * sent or received (API tokens, session tokens, bearer tokens, passwords, JWTs) wherever
 * it shows up in a string.
 *
 * A seed folder holds `purekit-seed.json` (product, versions, the list of files) and one
 * JSON file per path. Only web globals here; the CLI writes and the mock reads the files.
 */
import { isSecretName, REDACTED, SecretSet } from "../runtime/redact.ts";
import type { Item } from "./state/collection.ts";
import type { MockState } from "./state/store.ts";

/** What replaces a secret in a recording: the runtime's marker, as in errors, logs and the journal. */
export { REDACTED };
/** Name of the manifest file of a seed folder. */
export const SEED_MANIFEST = "purekit-seed.json";

/** The manifest of a seed folder. */
export interface SeedManifest {
  format: 1;
  product: "flasharray" | "flashblade" | "pure1" | null;
  /** REST versions the recorded calls used. */
  versions: string[];
  /** Version-free path → file name in the folder. */
  files: Record<string, string>;
}

/**
 * Field names kept out of a recording beyond the runtime's secret names (isSecretName): a
 * seed folder is data at rest, shared and committed, so any name that mentions a secret
 * (`secret_access_key`, `credentials`, `key_material`, `refresh_token`) is dropped too.
 */
const RECORDED_SECRET_FIELD =
  /pass(word|phrase)?$|secret|token|private_key|api_key|credential|^key_?material$/i;
const secretField = (name: string) => isSecretName(name) || RECORDED_SECRET_FIELD.test(name);
const AUTH_PATH = /^\/api\/(?:\d+\.\d+\/)?(login|logout|auth\/|api_version)|^\/oauth2\//;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Collects answers through a recording session.
 *
 * @example
 * ```ts
 * const recorder = createRecorder();
 * recorder.observe(request, requestBody, response.status, responseBody);
 * const files = recorder.files(); // { "purekit-seed.json": "…", "volumes.json": "…" }
 * ```
 */
/** What {@link createRecorder} returns. */
export interface Recorder {
  /** Looks at one exchange: learns its credentials, and keeps the items of a successful data GET. */
  observe(
    request: Request,
    requestBody: string,
    status: number,
    responseBody: string,
    responseHeaders?: Headers,
  ): void;
  /** The seed folder's files (name → content), every secret replaced. */
  files(): Record<string, string>;
}

export function createRecorder(): Recorder {
  // The runtime's redactor: known values (and their URL-encoded forms), PEM blocks and
  // JWT-shaped text, each in linear time whatever the recorded text holds.
  const secrets = new SecretSet();
  const collections = new Map<string, Map<string, Item>>();
  const versions = new Set<string>();
  let product: SeedManifest["product"] = null;

  function remember(value: string | null | undefined): void {
    secrets.add(value ?? undefined);
  }

  /** Credentials in a request's headers and an auth call's body. */
  function learn(headers: Headers, path: string, body: string): void {
    remember(headers.get("api-token"));
    remember(headers.get("x-auth-token"));
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
    remember(bearer);
    if (!AUTH_PATH.test(path) || !body) return;
    try {
      const parsed = JSON.parse(body) as unknown;
      if (isObject(parsed)) for (const v of Object.values(parsed)) if (typeof v === "string") remember(v);
    } catch {
      for (const [, v] of new URLSearchParams(body)) remember(v);
    }
  }

  return {
    /**
     * Looks at one exchange: learns its credentials, and keeps the items of a
     * successful data GET.
     */
    observe(request, requestBody, status, responseBody, responseHeaders) {
      const url = new URL(request.url);
      learn(request.headers, url.pathname, requestBody);
      remember(responseHeaders?.get("x-auth-token"));
      if (AUTH_PATH.test(url.pathname)) {
        // Tokens an auth call answers are secrets; api_version tells the product.
        try {
          const parsed = JSON.parse(responseBody) as Record<string, unknown>;
          for (const key of ["access_token", "api_token"])
            if (typeof parsed[key] === "string") remember(parsed[key]);
          if (url.pathname === "/api/api_version")
            product = "version" in parsed ? "flasharray" : "flashblade";
        } catch {
          // not JSON: nothing to learn
        }
        return;
      }
      const match = /^\/api\/(\d+\.\d+)(\/.*)$/.exec(url.pathname);
      if (request.method !== "GET" || status < 200 || status >= 300 || !match) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(responseBody);
      } catch {
        return;
      }
      if (!isObject(parsed) || !Array.isArray(parsed.items)) return;
      versions.add(match[1] as string);
      const path = match[2] as string;
      let kept = collections.get(path);
      if (!kept) {
        kept = new Map();
        collections.set(path, kept);
      }
      for (const item of parsed.items) {
        if (!isObject(item)) continue;
        const key =
          typeof item.id === "string"
            ? `id:${item.id}`
            : typeof item.name === "string"
              ? `name:${item.name}`
              : JSON.stringify(item);
        kept.set(key, item);
      }
    },

    /** The seed folder's files, secrets replaced: file name → text. */
    files(): Record<string, string> {
      const scrub = (value: unknown, field?: string): unknown => {
        if (typeof value === "string") {
          if (field && secretField(field) && value) return REDACTED;
          return secrets.redact(value);
        }
        if (Array.isArray(value)) return value.map((v) => scrub(v));
        if (isObject(value)) {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value)) out[k] = scrub(v, k);
          return out;
        }
        return value;
      };
      const files: Record<string, string> = {};
      const manifest: SeedManifest = {
        format: 1,
        product,
        versions: [...versions].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])),
        files: {},
      };
      for (const [path, items] of [...collections].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const file = `${path.slice(1).replace(/[^A-Za-z0-9-]+/g, "_")}.json`;
        manifest.files[path] = file;
        files[file] = `${JSON.stringify({ items: [...items.values()].map((i) => scrub(i)) }, null, 1)}\n`;
      }
      files[SEED_MANIFEST] = `${JSON.stringify(manifest, null, 1)}\n`;
      return files;
    },
  };
}

async function readJson(url: URL): Promise<unknown> {
  const module = (await import(url.href, { with: { type: "json" } })) as { default: unknown };
  return module.default;
}

/** The folder URL of a `seed` given as a path or URL. */
export function seedFolderUrl(dir: string | URL): URL {
  if (dir instanceof URL) return dir.href.endsWith("/") ? dir : new URL(`${dir.href}/`);
  const path = dir.endsWith("/") ? dir : `${dir}/`;
  return /^[a-z]+:\/\//i.test(path)
    ? new URL(path)
    : new URL(`file://${path.startsWith("/") ? "" : "/"}${path}`);
}

/**
 * Loads a recorded seed folder into a mock's state. Paths the served version does not
 * have are skipped (a recording of a newer array replayed by an older version).
 */
export async function applyRecordedFolder(
  state: MockState,
  dir: string | URL,
  hasPath: (path: string) => boolean,
  conform: (path: string, item: Item) => Item = (_p, item) => item,
): Promise<SeedManifest> {
  const folder = seedFolderUrl(dir);
  let manifest: SeedManifest;
  try {
    manifest = (await readJson(new URL(SEED_MANIFEST, folder))) as SeedManifest;
  } catch (e) {
    throw new Error(
      `seed folder ${folder.href} has no readable ${SEED_MANIFEST} (record one with purekit mock record): ${(e as Error).message}`,
    );
  }
  const loaded = new Set<string>();
  for (const [path, file] of Object.entries(manifest.files ?? {})) {
    if (!hasPath(path)) continue;
    const collection = state.collection(path);
    // Two views of one relation share a collection: load it once.
    if (loaded.has(collection.path)) continue;
    loaded.add(collection.path);
    const body = (await readJson(new URL(file, folder))) as { items?: Item[] };
    for (const item of body.items ?? []) collection.add(conform(path, structuredClone(item)));
  }
  return manifest;
}
