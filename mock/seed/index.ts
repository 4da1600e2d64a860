/**
 * Puts the initial data in place: real lab answers (`recorded`), nothing
 * (`empty`), or generated items (`{ volumes: 100_000 }`). Generation is
 * deterministic (ids and values derive from names) and lazy (see Collection).
 */
import { getPlatform } from "../../runtime/platform/index.ts";
import { kindOf } from "../collections.ts";
import type { ProductProfile } from "../profile.ts";
import { applyRecordedFolder } from "../recorder.ts";
import {
  conformIntegers,
  itemPropertiesOf,
  itemSchemaOf,
  minimalValue,
  operationOf,
  type VersionSpec,
} from "../spec.ts";
import type { Item } from "../state/collection.ts";
import { deterministicUuid } from "../state/random.ts";
import type { MockState } from "../state/store.ts";
import type { MockSeed } from "../types.ts";

/** Fixed creation time of generated objects (2024-01-01T00:00:00Z), so seeds never depend on the clock. */
export const SEED_EPOCH_MS = 1_704_067_200_000;

/**
 * Where the recorded answers are looked for, in order: inside the package, at the same
 * place relative to this module in both (npm: `dist/fixtures/recorded/`, gzipped by the
 * build; JSR: `fixtures/recorded/`, plain JSON imported by URL, staged by
 * scripts/jsr-fixtures.mjs), then beside a checkout (`<repo>/../shared/fixtures/recorded/`).
 */
export const DEFAULT_FIXTURES_DIRS: readonly URL[] = [
  new URL("../../fixtures/recorded/", import.meta.url),
  new URL("../../../shared/fixtures/recorded/", import.meta.url),
];

const PREFIXES: Record<string, string> = {
  "/volumes": "vol",
  "/hosts": "host",
  "/host-groups": "hg",
  "/protection-groups": "pg",
  "/volume-groups": "vg",
  "/file-systems": "fs",
  "/buckets": "bucket",
  "/object-store-accounts": "account",
  "/arrays": "array",
  "/pods": "pod",
};

/** Name of the i-th generated object of a path: `vol-000042`. */
export function seedName(path: string, index: number, count: number): string {
  const prefix = PREFIXES[path] ?? kindOf(path).replace(/ /g, "-");
  const width = Math.max(3, String(count).length);
  return `${prefix}-${String(index + 1).padStart(width, "0")}`;
}

/** Id of the i-th generated object of a path. */
export function seedId(product: string, path: string, index: number): string {
  return deterministicUuid(`${product}:${path}:${index}`);
}

/** Generic items: name, id and the lifecycle fields the schema declares. */
export function genericGenerator(state: MockState, spec: VersionSpec, path: string, count: number): void {
  const responseSchema = operationOf(spec, "get", path)?.responseSchema ?? null;
  const props = itemPropertiesOf(spec, responseSchema);
  const skeleton = minimalValue(spec, itemSchemaOf(spec, responseSchema));
  const base = (skeleton && typeof skeleton === "object" ? skeleton : {}) as Item;
  state.collection(path).generate(
    count,
    (i) => {
      const item: Item = structuredClone(base);
      if ("name" in props || Object.keys(props).length === 0) item.name = seedName(path, i, count);
      if ("id" in props) item.id = seedId(spec.product, path, i);
      if ("created" in props) item.created = SEED_EPOCH_MS + i * 60_000;
      if ("destroyed" in props) item.destroyed = false;
      if ("time_remaining" in props) item.time_remaining = null;
      return item;
    },
    (i) => seedName(path, i, count),
    "id" in props ? (i) => seedId(spec.product, path, i) : undefined,
  );
}

/**
 * A recorded answer: `<file>` as a JSON module, else `<file>.gz`, as the package ships
 * them (1.6 MB of JSON is 0.16 MB gzipped), read through the platform and inflated with
 * the web's DecompressionStream. When neither is there, the JSON's error is the one told.
 */
async function readJson(url: URL): Promise<unknown> {
  try {
    const module = (await import(url.href, { with: { type: "json" } })) as { default: unknown };
    return module.default;
  } catch (notJson) {
    let packed: Uint8Array;
    try {
      packed = await (await getPlatform()).readFile(new URL(`${url.href}.gz`));
    } catch {
      throw notJson;
    }
    const inflated = new Blob([packed as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(inflated).text());
  }
}

/**
 * Promise.all for file reads, except that a failure is reported only once every read has
 * ended: when a folder is not the one, none of its reads is left running while the next
 * folder is tried (Deno's test sanitizer caught eight outliving a test).
 *
 * @internal exported for its test
 */
export async function readAll<T>(reads: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** Loads the recorded answers into their collections. */
async function seedRecorded(
  profile: ProductProfile,
  state: MockState,
  spec: VersionSpec,
  dirs: string | URL | readonly URL[],
): Promise<void> {
  if (!profile.recorded) return;
  const candidates = (Array.isArray(dirs) ? dirs : [dirs]) as (string | URL)[];
  const entries = Object.entries(profile.recorded.files).filter(([, path]) => spec.paths.has(path));
  const failures: string[] = [];
  for (const dir of candidates) {
    const base = typeof dir === "string" ? new URL(`file://${dir.endsWith("/") ? dir : `${dir}/`}`) : dir;
    const folder = new URL(`${profile.recorded.folder}/`, base);
    let bodies: { path: string; body: { items?: Item[] } }[];
    try {
      bodies = await readAll(
        entries.map(async ([file, path]) => ({
          path,
          body: (await readJson(new URL(file, folder))) as { items?: Item[] },
        })),
      );
    } catch (e) {
      failures.push(`${folder.href} (${(e as Error).message.split("\n")[0]})`);
      continue;
    }
    for (const { path, body } of bodies) {
      const collection = state.collection(path);
      const schema = itemSchemaOf(spec, operationOf(spec, "get", path)?.responseSchema ?? null);
      for (const item of body.items ?? [])
        collection.add(conformIntegers(spec, schema, structuredClone(item)) as Item);
    }
    return;
  }
  throw new Error(
    `cannot read the recorded answers (seed "recorded") from ${failures.join(" or ")}. ` +
      'Pass fixturesDir, or use seed: "empty" or { volumes: N }.',
  );
}

/** Applies a seed option. */
export async function applySeed(
  profile: ProductProfile,
  state: MockState,
  spec: VersionSpec,
  seed: MockSeed,
  fixturesDir: string | URL | readonly URL[],
): Promise<void> {
  if (seed === "empty") return;
  if (seed instanceof URL || (typeof seed === "string" && seed !== "recorded")) {
    await applyRecordedFolder(
      state,
      seed,
      (path) => spec.paths.has(path),
      (path, item) =>
        conformIntegers(
          spec,
          itemSchemaOf(spec, operationOf(spec, "get", path)?.responseSchema ?? null),
          item,
        ) as Item,
    );
    return;
  }
  if (seed === "recorded") {
    if (profile.recorded) {
      await seedRecorded(profile, state, spec, fixturesDir);
      profile.afterRecorded?.(state, spec);
      return;
    }
    if (profile.fallbackSeed) return applySeed(profile, state, spec, profile.fallbackSeed, fixturesDir);
    return;
  }
  for (const [name, count] of Object.entries(seed)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`seed.${name} must be a non-negative integer, got ${count}`);
    }
    const path = name.startsWith("/") ? name : `/${name}`;
    if (!spec.paths.has(path)) {
      throw new RangeError(
        `seed.${name}: ${spec.product} ${spec.version} has no collection ${path} (use names such as volumes, hosts, file-systems)`,
      );
    }
    const generator = profile.generators[path];
    if (generator) generator(state, spec, count);
    else genericGenerator(state, spec, path, count);
  }
}
