/**
 * openapi-typescript, run once per distinct path item and component rather than once per
 * version. Neighbouring REST versions share ~98 % of their path items and schemas, and a
 * member's printed text depends only on the member itself, its key and the objects its
 * `$ref`s resolve to (openapi-typescript resolves refs one level, for parameters' `in`
 * and `name`, request bodies' `required`, allOf's `required`). So a printer keeps the
 * text of each member it has printed, keyed by a hash of exactly those inputs, and runs
 * openapi-typescript's transform and printer (not its redocly lint and bundle step) on a
 * document holding only the members it has not seen; the version's file is that output
 * with the full member lists put back.
 *
 * Whatever this cannot prove context-free (discriminators, helper types openapi-typescript
 * injects after the members, a printed layout it does not recognise) makes it run
 * openapi-typescript on the whole document instead, as before, and keep nothing from that run.
 * See docs/decisions/019-generator-incremental-types.md.
 */
import { createHash } from "node:crypto";
import { detach } from "./memory.ts";
import { type GlobalContext, type OpenAPI3, ots } from "./openapi-ts.ts";

const { astToString, resolveRef, transformSchema, default: openapiTS } = ots;

// biome-ignore lint/suspicious/noExplicitAny: a prepared OpenAPI document is untyped JSON
type Json = any;

/** `components` sections openapi-typescript prints, in its order (transform/components-object). */
const SECTIONS = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"] as const;

/** The options purekit runs openapi-typescript with (`silent`, not alphabetized), as its ctx. */
function contextFor(doc: Json, discriminators: GlobalContext["discriminators"]): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only openapi-typescript's redocly step reads it; the transform does not.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    inject: undefined as unknown as string,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref: string) {
      return resolveRef(doc, $ref, { silent: true });
    },
  } as GlobalContext;
}

/** One member list of the printed file: `paths`, or a `components` section. */
interface Group {
  name: string;
  /** The members' keys in the document, in order. */
  keys: string[];
  /** Where the members sit in the printed file. */
  indent: number;
  /** The line before the members and the line after them. */
  open: string;
  close: string;
}

function groupsOf(doc: Json): Group[] {
  const groups: Group[] = [];
  if (doc.paths && typeof doc.paths === "object") {
    groups.push({
      name: "paths",
      keys: Object.keys(doc.paths),
      indent: 4,
      open: "export interface paths {",
      close: "}",
    });
  }
  for (const s of SECTIONS) {
    const section = doc.components?.[s];
    if (section && typeof section === "object") {
      groups.push({ name: s, keys: Object.keys(section), indent: 8, open: `    ${s}: {`, close: "    };" });
    }
  }
  return groups.filter((g) => g.keys.length > 0);
}

function membersOf(doc: Json, group: string): Json {
  return group === "paths" ? doc.paths : doc.components[group];
}

/** A printed key back to its text: `"/volumes"` or `Volume`; undefined when it is neither. */
function keyOf(line: string, at: number): { key: string; after: number } | undefined {
  if (line[at] === '"') {
    let i = at + 1;
    while (i < line.length && line[i] !== '"') i += line[i] === "\\" ? 2 : 1;
    try {
      return { key: JSON.parse(line.slice(at, i + 1)) as string, after: i + 1 };
    } catch {
      return undefined;
    }
  }
  const m = /^[A-Za-z_$][\w$]*/.exec(line.slice(at));
  return m ? { key: m[0], after: at + m[0].length } : undefined;
}

/**
 * Cuts the member list starting at `lines[i]` into one text per member (its JSDoc, key
 * line and body), checking each key against the document's. Undefined when the layout
 * is not the expected one.
 */
function cutMembers(
  lines: string[],
  i: number,
  group: Group,
  keys: readonly string[],
): { texts: string[]; end: number } | undefined {
  const pad = " ".repeat(group.indent);
  const texts: string[] = [];
  for (const expected of keys) {
    const start = i;
    if (lines[i]?.startsWith(`${pad}/**`)) {
      while (i < lines.length && !lines[i]!.trimEnd().endsWith("*/")) i++;
      i++;
    }
    const line = lines[i];
    if (line === undefined || !line.startsWith(pad) || line[group.indent] === " ") return undefined;
    const key = keyOf(line, group.indent);
    if (!key || key.key !== expected) return undefined;
    const rest = line.slice(key.after);
    if (!rest.startsWith(": ") && !rest.startsWith("?: ")) return undefined;
    let last = i;
    if (!line.endsWith(";")) {
      last = i + 1;
      while (last < lines.length && !(lines[last]!.startsWith(pad) && lines[last]![group.indent] !== " "))
        last++;
      if (last >= lines.length) return undefined;
    }
    // A one-line member would otherwise be a view into the whole printed file.
    texts.push(detach(lines.slice(start, last + 1).join("\n")));
    i = last + 1;
  }
  return lines[i] === group.close ? { texts, end: i } : undefined;
}

/**
 * The printed file cut around its member lists: the text between them, and per group
 * the texts of the members the document held.
 */
function cutFile(
  text: string,
  groups: readonly Group[],
  keysIn: (g: Group) => string[],
): { between: string[]; members: Map<string, string[]> } | undefined {
  const lines = text.split("\n");
  const between: string[] = [];
  const members = new Map<string, string[]>();
  let from = 0;
  let i = 0;
  for (const g of groups) {
    while (i < lines.length && lines[i] !== g.open) i++;
    if (i >= lines.length) return undefined;
    between.push(lines.slice(from, i + 1).join("\n"));
    const cut = cutMembers(lines, i + 1, g, keysIn(g));
    if (!cut) return undefined;
    members.set(g.name, cut.texts);
    from = cut.end;
    i = cut.end;
  }
  between.push(lines.slice(from).join("\n"));
  return { between, members };
}

function print(doc: Json, ctx: GlobalContext): string {
  return astToString(transformSchema(doc as OpenAPI3, ctx));
}

/** A `$ref` in a member's JSON text (its value, still JSON-escaped). */
const REF = /"\$ref":("(?:[^"\\]|\\.)*")/g;

/** What the printer did, for tests and benchmarks. */
export interface PrinterStats {
  /** Members printed by openapi-typescript. */
  printed: number;
  /** Members taken from earlier versions. */
  reused: number;
  /** Documents printed whole (nothing to reuse, or not provably context-free). */
  whole: number;
}

export interface TypesPrinter {
  /** openapi-typescript's printed output for a prepared document. */
  print(doc: Json): Promise<string>;
  readonly stats: PrinterStats;
}

/**
 * A printer that reuses each member's printed text across the documents it is given:
 * give it one product's versions in order, so neighbours share most members.
 *
 * @example
 * ```ts
 * const printer = createTypesPrinter();
 * for (const doc of preparedDocs) files.push(await printer.print(doc)); // as astToString(await openapiTS(doc))
 * ```
 */
export function createTypesPrinter(): TypesPrinter {
  /** Member input hash → its printed text. */
  const cache = new Map<string, string>();
  const stats: PrinterStats = { printed: 0, reused: 0, whole: 0 };

  /** openapi-typescript itself, as emit.ts runs it: its redocly bundling step matters for discriminators. */
  async function whole(doc: Json): Promise<string> {
    stats.whole++;
    return astToString(await openapiTS(doc as OpenAPI3, { silent: true, alphabetize: false }));
  }

  return {
    stats,
    async print(doc) {
      const groups = groupsOf(doc);
      const json = groups.map((g) => {
        const all = membersOf(doc, g.name);
        return g.keys.map((key) => JSON.stringify(all[key]) ?? "");
      });
      // A discriminator changes other members' types: nothing is context-free then. (Looked
      // for in the text: openapi-typescript's own scan walks the whole document.)
      const rest: Json = { ...doc, paths: undefined, components: { ...doc.components } };
      for (const g of groups) if (g.name !== "paths") rest.components[g.name] = undefined;
      if (
        JSON.stringify(rest).includes('"discriminator"') ||
        json.some((j) => j.some((t) => t.includes('"discriminator"')))
      )
        return whole(doc);
      const ctx = contextFor(doc, { objects: {}, refsHandled: [] });
      const resolved = new Map<string, string>();
      const depsOf = (unitJson: string): string => {
        let out = "";
        const seen = new Set<string>();
        for (const m of unitJson.matchAll(REF)) {
          const ref = JSON.parse(m[1]!) as string;
          if (seen.has(ref)) continue;
          seen.add(ref);
          let target = resolved.get(ref);
          if (target === undefined) {
            target = JSON.stringify(resolveRef(doc, ref, { silent: true }) ?? null);
            resolved.set(ref, target);
          }
          out += `\0${ref}\0${target}`;
        }
        return out;
      };
      // Hash of each member's inputs; the members not printed before go into a reduced document.
      const hashes = new Map<string, string[]>();
      /** Per group, the indexes (into its keys) of the members to print. */
      const missing = new Map<string, number[]>();
      groups.forEach((g, gi) => {
        const hs: string[] = [];
        const miss: number[] = [];
        g.keys.forEach((key, k) => {
          const unitJson = json[gi]![k]!;
          const h = createHash("sha256")
            .update(`${g.name}\0${key}\0${unitJson}${depsOf(unitJson)}`)
            .digest("base64");
          hs.push(h);
          if (!cache.has(h)) miss.push(k);
        });
        // Each list keeps at least one member, so the reduced file has the full file's layout.
        if (!miss.length) miss.push(0);
        hashes.set(g.name, hs);
        missing.set(g.name, miss);
      });
      const reduced: Json = { ...doc, components: { ...doc.components } };
      for (const g of groups) {
        const all = membersOf(doc, g.name);
        const subset: Json = {};
        for (const k of missing.get(g.name)!) subset[g.keys[k]!] = all[g.keys[k]!];
        if (g.name === "paths") reduced.paths = subset;
        else reduced.components[g.name] = subset;
      }
      const text = print(reduced, ctx);
      // openapi-typescript added types after the members (WithRequired, operations): they
      // belong to the whole document, which this run did not see.
      if (ctx.injectFooter.length) return whole(doc);
      const cut = cutFile(text, groups, (g) => missing.get(g.name)!.map((k) => g.keys[k]!));
      if (!cut) return whole(doc);
      // A member printed again (the one kept for the layout) must print as before; then
      // the new members are kept.
      for (const pass of ["check", "keep"] as const) {
        for (const g of groups) {
          const texts = cut.members.get(g.name)!;
          const hs = hashes.get(g.name)!;
          const miss = missing.get(g.name)!;
          for (let n = 0; n < miss.length; n++) {
            const h = hs[miss[n]!]!;
            const known = cache.get(h);
            if (pass === "check" && known !== undefined && known !== texts[n]) return whole(doc);
            if (pass === "keep" && known === undefined) {
              stats.printed++;
              cache.set(h, texts[n]!);
            }
          }
        }
      }
      const out: string[] = [cut.between[0]!];
      groups.forEach((g, n) => {
        const hs = hashes.get(g.name)!;
        const miss = new Set(missing.get(g.name));
        for (let k = 0; k < hs.length; k++) {
          if (!miss.has(k)) stats.reused++;
          out.push(cache.get(hs[k]!)!);
        }
        out.push(cut.between[n + 1]!);
      });
      // Only this version's members are kept: the next version shares most of them, and
      // one that comes back later is printed again (to the same text). Keeping every
      // member of the product grew the heap by ~30 MB over FlashArray's 55 versions.
      const used = new Set<string>();
      for (const hs of hashes.values()) for (const h of hs) used.add(h);
      for (const h of cache.keys()) if (!used.has(h)) cache.delete(h);
      return out.join("\n");
    },
  };
}
