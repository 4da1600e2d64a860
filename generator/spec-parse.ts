/**
 * Spec text → document, ~10x faster than `yaml` on the vendor's YAML: js-yaml with the
 * YAML 1.2 core schema, which `yaml` also uses by default. js-yaml is not a dependency of
 * purekit: it is the parser openapi-typescript's own YAML input goes through (via
 * @redocly/openapi-core), found from there. When it cannot be found, `parseSpecText`
 * (the `yaml` package) does the work. Both give identical documents for all 91 published
 * specs (measured: 54 s of CPU with `yaml`, 5 s with js-yaml); see
 * docs/decisions/019-generator-incremental-types.md.
 */
import { createRequire } from "node:module";
import { PurekitError } from "../runtime/errors.ts";
import { parseSpecText } from "./emit.ts";

interface JsYaml {
  load(text: string, options: { schema: unknown; filename?: string }): unknown;
  CORE_SCHEMA: unknown;
}

let jsYaml: JsYaml | null | undefined;

/**
 * Where js-yaml's core schema and `yaml`'s read the same text differently: binary integers
 * (`0b101`: a number to js-yaml, a string to yaml), explicit tags (`!!binary`), complex keys
 * (`? [a, b]`), negative zero. A spec using any of them goes to `yaml`.
 */
const DISAGREE = /[-+]?0b[01]|!!|^\s*\? |-0(?:\.0*)?\s*$/m;

/** js-yaml as openapi-typescript's tree resolves it; null when not there. */
function findJsYaml(): JsYaml | null {
  if (jsYaml !== undefined) return jsYaml;
  try {
    const fromHere = createRequire(import.meta.url);
    const redocly = createRequire(fromHere.resolve("openapi-typescript")).resolve("@redocly/openapi-core");
    const found = createRequire(redocly)("js-yaml") as Partial<JsYaml>;
    jsYaml = typeof found.load === "function" && found.CORE_SCHEMA ? (found as JsYaml) : null;
  } catch {
    jsYaml = null;
  }
  return jsYaml;
}

/**
 * Parses a spec's YAML or JSON text, naming the file on failure (`ERR_SPEC_INVALID`).
 *
 * @example
 * ```ts
 * const doc = parseSpec(readFileSync("FA2.56.spec.yaml", "utf8"), "FA2.56.spec.yaml");
 * ```
 */
export function parseSpec(text: string, source: string): unknown {
  const parser = findJsYaml();
  if (!parser || /^\s*[{[]/.test(text) || DISAGREE.test(text)) return parseSpecText(text, source);
  try {
    return parser.load(text, { schema: parser.CORE_SCHEMA, filename: source });
  } catch (cause) {
    const msg = ((cause as Error).message ?? String(cause)).split("\n")[0];
    throw new PurekitError("ERR_SPEC_INVALID", `${source}: not valid YAML or JSON (${msg})`, { cause });
  }
}
