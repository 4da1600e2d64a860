/**
 * The spec registry: which REST versions exist, their checksums and upstream
 * URLs (`manifest.json`), and a resolver that finds each file locally or
 * downloads it — verifying the checksum every time. The vendor's files are
 * never committed here; see README "Adding a REST version".
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PurekitError } from "../runtime/errors.js";
import { compareVersions } from "../runtime/versions.js";
import manifestJson from "./manifest.json" with { type: "json" };
export { compareVersions };
export const PRODUCTS = ["flasharray", "flashblade", "pure1"];
/** Repository root (this file lives in `<root>/spec/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const MANIFEST_PATH = join(REPO_ROOT, "spec", "manifest.json");
export const manifest = manifestJson;
/** Every spec of a product (or of all products), oldest first. */
export function listSpecs(product, from = manifest) {
    return from.specs
        .filter((s) => product === undefined || s.product === product)
        .sort((a, b) => PRODUCTS.indexOf(a.product) - PRODUCTS.indexOf(b.product) || compareVersions(a.version, b.version));
}
export function isProduct(value) {
    return PRODUCTS.includes(value);
}
/**
 * The manifest entry for a product and version (`latest` for the newest).
 *
 * @example
 * ```ts
 * findSpec("flasharray", "2.38").url; // https://raw.githubusercontent.com/…/FA2.38.spec.yaml
 * ```
 */
export function findSpec(product, version, from = manifest) {
    const specs = listSpecs(product, from);
    const entry = version === "latest" ? specs.at(-1) : specs.find((s) => s.version === version);
    if (!entry) {
        throw new PurekitError("ERR_SPEC_UNKNOWN_VERSION", `Unknown ${product} REST version "${version}". Known versions: ${specs.map((s) => s.version).join(", ")}. ` +
            `To add a new one, run \`purekit spec add <file>\` (see README, "Adding a REST version").`);
    }
    return entry;
}
export function sha256Hex(bytes) {
    return createHash("sha256").update(bytes).digest("hex");
}
export function defaultCacheDir() {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
    return join(base, "purekit", "specs");
}
/** The places looked at, in order, for one spec. */
export function candidatePaths(entry, options = {}) {
    const specsDir = options.specsDir ?? process.env.PURE_SPECS_DIR;
    const places = [];
    if (specsDir)
        places.push({ source: "PURE_SPECS_DIR", path: resolve(specsDir, entry.file) });
    places.push({ source: "shared", path: resolve(REPO_ROOT, "..", "shared", "specs", entry.file) });
    places.push({ source: "cache", path: join(options.cacheDir ?? defaultCacheDir(), entry.file) });
    return places;
}
async function readIfExists(path) {
    try {
        return new Uint8Array(await readFile(path));
    }
    catch (e) {
        if (e.code === "ENOENT")
            return undefined;
        throw e;
    }
}
function checksumError(entry, where, actual) {
    return new PurekitError("ERR_SPEC_CHECKSUM", `Checksum mismatch for ${entry.file} (${entry.product} ${entry.version}) at ${where}: ` +
        `expected sha256 ${entry.sha256}, got ${actual}. The file is not the published spec; ` +
        `replace it with the vendor's file or fix the manifest entry.`);
}
/**
 * Finds a spec file: `PURE_SPECS_DIR`, then `../shared/specs` beside the
 * repository, then the download cache, then the upstream URL. The checksum is
 * verified in every case; a mismatch is an error, never a silent use.
 *
 * @example
 * ```ts
 * const { path, bytes } = await resolveSpec(findSpec("flashblade", "latest"));
 * ```
 */
export async function resolveSpec(entry, options = {}) {
    const places = candidatePaths(entry, options);
    for (const place of places) {
        const bytes = await readIfExists(place.path);
        if (!bytes)
            continue;
        const actual = sha256Hex(bytes);
        if (actual !== entry.sha256)
            throw checksumError(entry, place.path, actual);
        return { entry, path: place.path, bytes, source: place.source };
    }
    const looked = places.map((p) => p.path).join(", ");
    if (options.offline) {
        throw new PurekitError("ERR_SPEC_NOT_FOUND", `No local copy of ${entry.file} (${entry.product} ${entry.version}); looked in ${looked}, and downloads are off. ` +
            `Set PURE_SPECS_DIR to a folder holding the vendor's spec files.`);
    }
    const doFetch = options.fetch ?? globalThis.fetch;
    let bytes;
    try {
        const res = await doFetch(entry.url);
        if (!res.ok)
            throw new Error(`HTTP ${res.status} ${res.statusText}`);
        bytes = new Uint8Array(await res.arrayBuffer());
    }
    catch (cause) {
        throw new PurekitError("ERR_SPEC_NOT_FOUND", `Cannot find ${entry.file} (${entry.product} ${entry.version}): no local copy in ${looked}, ` +
            `and the download from ${entry.url} failed (${cause.message}). ` +
            `Set PURE_SPECS_DIR to a folder holding the vendor's spec files.`, { cause });
    }
    const actual = sha256Hex(bytes);
    if (actual !== entry.sha256)
        throw checksumError(entry, entry.url, actual);
    const cachePath = places.at(-1).path;
    await mkdir(dirname(cachePath), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const tmp = `${cachePath}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, cachePath);
    return { entry, path: cachePath, bytes, source: "download" };
}
/**
 * A spec file of your own as a manifest entry: product and version from the file
 * name (`FA2.57.spec.yaml`, `FB2.29.spec.yaml`, `Pure1-1.7.spec.yaml`) unless given,
 * and its checksum.
 *
 * @example
 * ```ts
 * const entry = await describeSpecFile("./FA2.57.spec.yaml"); // { product: "flasharray", version: "2.57", … }
 * ```
 */
export async function describeSpecFile(file, options = {}) {
    const name = file.split(/[\\/]/).at(-1);
    const m = /^(FA|FB|Pure1-)(\d+\.\d+)\.spec\.(yaml|yml|json)$/.exec(name);
    const product = options.product ??
        (m ? { FA: "flasharray", FB: "flashblade", "Pure1-": "pure1" }[m[1]] : undefined);
    const version = options.version ?? m?.[2];
    if (!product || !version) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `Cannot tell product and version from "${name}"; name it like FA2.57.spec.yaml, FB2.29.spec.yaml or Pure1-1.7.spec.yaml, or pass --product and --version.`);
    }
    if (!/^\d+\.\d+$/.test(version)) {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `version "${version}" is not a REST version like 2.57.`);
    }
    let bytes;
    try {
        bytes = new Uint8Array(await readFile(file));
    }
    catch (cause) {
        throw new PurekitError("ERR_SPEC_NOT_FOUND", `cannot read ${file}: ${cause.message}`, {
            cause,
        });
    }
    return { product, version, file: name, sha256: sha256Hex(bytes), url: options.url ?? "" };
}
/**
 * Adds (or updates) a manifest entry for a spec file, computing its checksum.
 * Product and version come from the file name (`FA2.57.spec.yaml`,
 * `FB2.29.spec.yaml`, `Pure1-1.7.spec.yaml`) unless given.
 */
export async function addSpecToManifest(file, options = {}) {
    const path = options.manifestPath ?? MANIFEST_PATH;
    const current = JSON.parse(await readFile(path, "utf8"));
    const described = await describeSpecFile(file, options);
    const entry = {
        ...described,
        url: options.url ??
            `https://raw.githubusercontent.com/PureStorage-OpenConnect/swagger/${current.upstream.commit}/definitions/oas3.x/${described.file}`,
    };
    const { product, version } = entry;
    const specs = current.specs.filter((s) => !(s.product === product && s.version === version));
    specs.push(entry);
    current.specs = listSpecs(undefined, { ...current, specs });
    await writeFile(path, `${JSON.stringify(current, null, 2)}\n`);
    return entry;
}
//# sourceMappingURL=index.js.map