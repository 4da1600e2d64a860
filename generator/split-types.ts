/**
 * Splits openapi-typescript's printed output into shareable entries: each member of
 * `paths` and of each `components` section becomes an entry; everything else stays
 * verbatim. The printer's layout is fixed (4-space indent, one member per line at
 * its depth, JSDoc above), which is what this relies on; anything unexpected stays
 * verbatim, so an unknown shape costs sharing, never correctness.
 */
import { detach } from "./memory.ts";
import type { Entry } from "./share.ts";

export interface TypeEntry extends Entry {
  /** The member's key as written (`"/volumes"`, `Volume`). */
  keyText: string;
  optional: boolean;
  indent: number;
  /** Whether the body refers to the version (`$[...]`): such entries are generic in `$`. */
  generic: boolean;
}

export type Part = string | TypeEntry;

const TOP_REFS = /(?<![\w$."'])(components|operations|paths)\[/g;

function deindent(lines: string[], n: number): string[] {
  return lines.map((l) => (l.startsWith(" ".repeat(n)) ? l.slice(n) : l.trimStart()));
}

/** Parses a member key at `line[at]`; returns its text, value and where the `:` is. */
function parseKey(line: string, at: number): { keyText: string; key: string; after: number } | undefined {
  if (line[at] === '"') {
    let i = at + 1;
    while (i < line.length && line[i] !== '"') i += line[i] === "\\" ? 2 : 1;
    const keyText = line.slice(at, i + 1);
    try {
      return { keyText, key: JSON.parse(keyText) as string, after: i + 1 };
    } catch {
      return undefined;
    }
  }
  const m = /^[A-Za-z0-9_$][\w$]*/.exec(line.slice(at));
  if (!m) return undefined;
  return { keyText: m[0], key: m[0], after: at + m[0].length };
}

/**
 * Members at `indent` from `lines[i]` up to (not including) the line equal to `end`.
 * Returns the parts and the index of the end line.
 */
function members(
  lines: string[],
  i: number,
  indent: number,
  end: string,
  section: string,
  out: Part[],
): number {
  const pad = " ".repeat(indent);
  while (i < lines.length && lines[i] !== end) {
    const start = i;
    let commentEnd = i; // exclusive
    if (lines[i]!.startsWith(`${pad}/**`)) {
      while (i < lines.length && !lines[i]!.trimEnd().endsWith("*/")) i++;
      i++;
      commentEnd = i;
    }
    const line = lines[i] ?? "";
    const key = line.startsWith(pad) && line[indent] !== " " ? parseKey(line, indent) : undefined;
    const rest = key ? line.slice(key.after) : "";
    const optional = rest.startsWith("?: ");
    if (!key || !(optional || rest.startsWith(": "))) {
      // Not a member we understand: keep the lines as they are.
      out.push(lines.slice(start, i + 1).join("\n"));
      i++;
      continue;
    }
    let last = i;
    if (!line.endsWith(";")) {
      last = i + 1;
      while (last < lines.length && !(lines[last]!.startsWith(pad) && lines[last]![indent] !== " ")) last++;
    }
    const bodyLines = [rest.slice(optional ? 3 : 2), ...deindent(lines.slice(i + 1, last + 1), indent)];
    let body = bodyLines.join("\n");
    if (body.endsWith(";")) body = body.slice(0, -1);
    const comment = deindent(lines.slice(start, commentEnd), indent).join("\n");
    const replaced = body.replace(TOP_REFS, '$["$1"][');
    out.push({
      key: detach(`${section}.${key.key}`),
      keyText: detach(key.keyText),
      optional,
      indent,
      generic: replaced.includes('$["'),
      content: detach(comment ? `${comment}\n${replaced}` : replaced),
    });
    i = last + 1;
  }
  return i;
}

/** Splits a whole printed file. `parts` joined with "\n" (entries printed back in place) is the file. */
export function splitTypes(text: string): Part[] {
  const lines = text.split("\n");
  const out: Part[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === "export interface paths {") {
      out.push(line);
      i = members(lines, i + 1, 4, "}", "paths", out);
      continue;
    }
    if (line === "export interface components {") {
      out.push(line);
      i++;
      while (i < lines.length && lines[i] !== "}") {
        const m = /^ {4}([A-Za-z]+): \{$/.exec(lines[i]!);
        if (m) {
          out.push(lines[i]!);
          i = members(lines, i + 1, 8, "    };", m[1]!, out);
          out.push(lines[i] ?? "    };");
          i++;
        } else {
          out.push(lines[i]!);
          i++;
        }
      }
      continue;
    }
    out.push(line);
    i++;
  }
  return out;
}

/** Prefix per entry kind, so names read as what they are (`P_volumes_…` is a path item). */
export function typePrefix(key: string): string {
  const section = key.slice(0, key.indexOf("."));
  switch (section) {
    case "paths":
      return "P_";
    case "schemas":
      return "";
    case "responses":
      return "R_";
    case "parameters":
      return "Q_";
    case "requestBodies":
      return "B_";
    case "headers":
      return "H_";
    default:
      return `${section}_`;
  }
}
