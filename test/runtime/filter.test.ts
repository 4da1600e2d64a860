/**
 * The filter builder (runtime/filter.ts) and the mock's parser/evaluator (mock/filter.ts), tested
 * against each other: whatever the builder writes, the mock must read back to the same meaning.
 * Items come from real FlashArray answers (Purity//FA 6.3.3) in the shared fixtures.
 */
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { compileFilter, type FilterNode, FilterSyntaxError, parseFilter } from "../../mock/filter.ts";
import { PurekitError } from "../../runtime/errors.ts";
import {
  type FieldPath,
  type FieldValue,
  type Filter,
  f,
  filterFor,
  type ListField,
  type SortField,
  sort,
  sortFor,
} from "../../runtime/filter.ts";

// ---------------------------------------------------------------------------------------------
// Item types, shaped as openapi-typescript writes the FA schemas (every property optional,
// nullable ones `| null`). The generated types are not committed; these mirror the fixtures.
// ---------------------------------------------------------------------------------------------

interface Reference {
  id?: string | null;
  name?: string | null;
}
interface Space {
  data_reduction?: number;
  shared?: number | null;
  snapshots?: number;
  system?: number | null;
  thin_provisioning?: number;
  total_physical?: number;
  total_provisioned?: number;
  total_reduction?: number;
  unique?: number;
  virtual?: number;
}
interface Tag {
  key?: string;
  value?: string;
  namespace?: string;
}
interface Volume {
  id?: string;
  name?: string;
  connection_count?: number;
  created?: number;
  destroyed?: boolean;
  provisioned?: number;
  serial?: string;
  subtype?: "regular" | "protocol_endpoint";
  space?: Space;
  source?: Reference;
  pod?: Reference;
  volume_group?: Reference;
  qos?: { bandwidth_limit?: number | null; iops_limit?: number | null };
  time_remaining?: number | null;
  tags?: Tag[];
}
interface Host {
  name?: string;
  is_local?: boolean;
  personality?: string | null;
  host_group?: Reference;
  preferred_arrays?: Reference[];
  iqns?: string[];
  nqns?: string[];
  wwns?: string[];
  connection_count?: number;
  space?: Space;
  port_connectivity?: { status?: string; details?: string };
}

function fixture<T>(name: string): T[] {
  const url = new URL(`../../../shared/fixtures/recorded/fa/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { items: T[] }).items;
}

const volumes = fixture<Volume>("volumes.json");
const hosts = fixture<Host>("hosts.json");
const v = filterFor<Volume>();
const h = filterFor<Host>();

/** Round trip: render with the builder, parse and evaluate with the mock. */
function select<T>(items: readonly T[], filter: Filter<T> | Filter<unknown> | string): T[] {
  return items.filter(compileFilter(String(filter)));
}
const names = (items: readonly { name?: string | undefined }[]) => items.map((i) => i.name);

function syntaxError(expression: string): FilterSyntaxError {
  try {
    parseFilter(expression);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(expression)} not to parse`);
}

function invalidArgument(build: () => unknown): PurekitError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(PurekitError);
    expect((error as PurekitError).code).toBe("ERR_INVALID_ARGUMENT");
    return error as PurekitError;
  }
  throw new Error("expected the builder to throw");
}

/** Deterministic PRNG (mulberry32), so property tests reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("fixtures", () => {
  it("are the recorded answers the tests expect", () => {
    expect(volumes).toHaveLength(81);
    expect(hosts).toHaveLength(31);
  });
});

describe("builder output", () => {
  it("renders each construct in the arrays' syntax", () => {
    expect(String(f.eq("name", "vol1").and(f.gte("provisioned", 1024)))).toBe(
      "name='vol1' and provisioned>=1024",
    );
    expect(String(f.not(f.eq("name", "x")))).toBe("not(name='x')");
    expect(String(f.any("hosts", "h1"))).toBe("hosts[any]='h1'");
    expect(String(f.gt("space.total_physical", 5))).toBe("space.total_physical>5");
    expect(String(f.contains("name", "x"))).toBe("contains(name,'x')");
    expect(String(f.tags("k", "v"))).toBe("tags('k','v')");
    expect(String(f.in("name", ["a", "b"]))).toBe("name=('a','b')");
    expect(String(f.notIn("name", ["a", "b"]))).toBe("not(name=('a','b'))");
    expect(String(f.ne("name", "a"))).toBe("name!='a'");
    expect(String(f.lt("a", 1))).toBe("a<1");
    expect(String(f.lte("a", -1.5))).toBe("a<=-1.5");
    expect(String(f.eq("destroyed", false))).toBe("destroyed=false");
    expect(String(f.eq("pod.name", null))).toBe("pod.name=null");
    expect(String(f.like("name", "vol*"))).toBe("name='vol*'");
    expect(String(f.eq("name", "vol*"))).toBe("name='vol\\*'");
    expect(String(f.and(f.eq("a", 1), f.eq("b", 2), f.eq("c", 3)))).toBe("a=1 and b=2 and c=3");
    expect(String(f.or(f.eq("a", 1), f.eq("b", 2)))).toBe("a=1 or b=2");
  });

  it("gives the wire form through String(), template literals, toString() and JSON", () => {
    const filter = f.eq("name", "vol1");
    expect(`${filter}`).toBe("name='vol1'");
    expect(filter.toString()).toBe("name='vol1'");
    expect(JSON.stringify({ filter })).toBe(`{"filter":"name='vol1'"}`);
  });

  it("parenthesises only where precedence needs it", () => {
    const [a, b, c] = [f.eq("a", 1), f.eq("b", 2), f.eq("c", 3)];
    expect(String(f.and(f.or(a, b), c))).toBe("(a=1 or b=2) and c=3");
    expect(String(a.or(b).and(c))).toBe("(a=1 or b=2) and c=3");
    expect(String(f.or(f.and(a, b), c))).toBe("a=1 and b=2 or c=3");
    expect(String(a.and(b).or(c))).toBe("a=1 and b=2 or c=3");
    expect(String(f.not(a.or(b)).and(c))).toBe("not(a=1 or b=2) and c=3");
    expect(String(f.and(a))).toBe("a=1");
  });

  it("renders numbers so the parser reads them back exactly", () => {
    for (const n of [0, -0, 1, -1, 0.1, 1e21, 1.5e-7, -2.5e-300, Number.MAX_SAFE_INTEGER, 4398046511104]) {
      const node = parseFilter(String(f.eq("x", n)));
      expect(node).toMatchObject({ kind: "compare", value: { type: "number", value: n === 0 ? 0 : n } });
    }
  });

  it("builds sort keys", () => {
    expect(sort.asc("name")).toBe("name");
    expect(sort.desc("name")).toBe("name-");
    expect(sortFor<Volume>().desc("space.total_physical")).toBe("space.total_physical-");
    invalidArgument(() => sort.asc("name-"));
    invalidArgument(() => sort.desc("hosts[any]"));
    invalidArgument(() => sort.asc("name,created"));
  });
});

describe("hostile values are quoted, never interpreted", () => {
  const hostile = [
    "O'Brien",
    "a\\b",
    "') or (name='x",
    "x' or name!='",
    "\\'",
    "'",
    "\\",
    "*",
    "a*b",
    "trailing\\",
    "new\nline",
    "tab\tand spaces ",
    "(",
    ")",
    "'',''",
    "unicodé 😀",
    "",
  ];

  it("escapes quotes and backslashes with a backslash", () => {
    expect(String(f.eq("name", "O'Brien"))).toBe("name='O\\'Brien'");
    expect(String(f.eq("name", "a\\b"))).toBe("name='a\\\\b'");
    expect(String(f.eq("name", "') or (name='x"))).toBe("name='\\') or (name=\\'x'");
  });

  it.each(hostile)("eq/in/contains/tags/like of %j parse to one condition that matches only it", (value) => {
    const items = [{ name: value }, { name: `${value}x` }, { name: "x" }, { name: "vol1" }, {}];
    expect(parseFilter(String(f.eq("name", value)))).toEqual({
      kind: "compare",
      field: { text: "name", segments: [{ key: "name", quantifier: null }] },
      op: "=",
      value: { type: "string", value, pattern: null },
    });
    expect(select(items, f.eq("name", value))).toEqual([{ name: value }]);
    expect(select(items, f.in("name", [value, "nothing"]))).toEqual([{ name: value }]);
    expect(select(items, f.ne("name", value))).toHaveLength(items.length - 1);
    expect(parseFilter(String(f.contains("name", value)))).toMatchObject({ kind: "contains", value });
    expect(select([{ name: `<${value}>` }], f.contains("name", value))).toHaveLength(1);
    expect(parseFilter(String(f.tags(value, value)))).toEqual({ kind: "tags", key: value, value });
    // A pattern always matches its own text, `*` included.
    expect(select(items, f.like("name", value)).map((i) => i.name)).toContain(value);
  });

  it("round-trips random strings over the dangerous alphabet", () => {
    const alphabet = [
      "'",
      "\\",
      "*",
      "(",
      ")",
      ",",
      "=",
      "!",
      "<",
      " ",
      "a",
      "Z",
      "0",
      "é",
      "😀",
      "\n",
      "and",
      "or",
    ];
    const next = random(42);
    for (let n = 0; n < 2000; n++) {
      let value = "";
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(next() * alphabet.length)];
      const node = parseFilter(String(f.eq("name", value).and(f.contains("serial", value))));
      expect(node).toMatchObject({
        kind: "and",
        operands: [
          { kind: "compare", value: { type: "string", value, pattern: null } },
          { kind: "contains", value },
        ],
      });
    }
  });

  it("rejects field names that could smuggle syntax", () => {
    for (const field of [
      "name='x' or name",
      "name)",
      "a b",
      "",
      "1abc",
      "hosts[any",
      "a..b",
      "a.",
      "hosts[0]",
      "na-me",
    ]) {
      const error = invalidArgument(() => f.eq(field, "x"));
      expect(error.message).toContain("invalid field name");
    }
    invalidArgument(() => f.any("hosts[any]", "h1"));
    invalidArgument(() => f.contains("name,'x') or contains(name", "y"));
    invalidArgument(() => f.in("a=1 or b", [1]));
  });

  it("rejects values that have no faithful rendering", () => {
    expect(invalidArgument(() => f.eq("a", Number.NaN)).message).toContain("not a finite number");
    invalidArgument(() => f.gt("a", Number.POSITIVE_INFINITY));
    invalidArgument(() => f.in("a", [1, Number.NEGATIVE_INFINITY]));
    expect(invalidArgument(() => f.eq("a", undefined as unknown as string)).message).toContain("null");
    invalidArgument(() => f.eq("a", {} as unknown as string));
    invalidArgument(() => f.eq("a", 1n as unknown as number));
    invalidArgument(() => f.gt("a", true as unknown as number));
    invalidArgument(() => f.contains("a", 1 as unknown as string));
    invalidArgument(() => f.tags("k", null as unknown as string));
    expect(invalidArgument(() => f.in("a", [])).message).toContain("empty");
  });

  it("combines only filters, never raw strings", () => {
    invalidArgument(() => f.and("name='x'" as unknown as Filter));
    invalidArgument(() => f.not("name='x'" as unknown as Filter));
    invalidArgument(() => f.eq("a", 1).or({ toString: () => "b=1" } as unknown as Filter));
    invalidArgument(() => f.and(...([] as unknown as [Filter])));
  });
});

describe("round trip on recorded volumes and hosts", () => {
  it("equality, ordering and nested fields", () => {
    expect(names(select(volumes, v.eq("name", "pure-protocol-endpoint")))).toEqual([
      "pure-protocol-endpoint",
    ]);
    const tib = 1024 ** 4;
    const big = select(volumes, v.gte("provisioned", tib));
    expect(big.length).toBeGreaterThan(0);
    expect(big).toEqual(volumes.filter((x) => (x.provisioned ?? 0) >= tib));
    const used = select(volumes, v.gt("space.total_physical", 5));
    expect(used.length).toBeGreaterThan(0);
    expect(used).toEqual(volumes.filter((x) => (x.space?.total_physical ?? 0) > 5));
    expect(select(volumes, v.lt("name", "a"))).toEqual(volumes.filter((x) => (x.name ?? "") < "a"));
    expect(select(volumes, v.lt("name", "a")).length).toBeGreaterThan(0);
    expect(select(volumes, v.eq("subtype", "regular"))).toHaveLength(80);
    expect(select(volumes, v.eq("destroyed", false))).toHaveLength(81);
    expect(select(volumes, v.eq("connection_count", 1))).toHaveLength(54);
    expect(names(select(hosts, h.eq("port_connectivity.status", "critical")))).toContain("z-c220-4-fc");
  });

  it("null means not set; != is the exact complement of =", () => {
    expect(select(volumes, v.eq("pod.name", null))).toHaveLength(68);
    expect(select(volumes, v.ne("pod.name", null))).toHaveLength(13);
    expect(select(volumes, v.eq("time_remaining", null))).toHaveLength(81);
    expect(select(hosts, h.eq("host_group.name", null))).toHaveLength(10);
    for (const filter of [v.eq("pod.name", "z-ProdPod"), v.eq("name", "nope"), v.gt("provisioned", 0)]) {
      const yes = select(volumes, filter).length;
      expect(yes + select(volumes, v.not(filter)).length).toBe(81);
    }
    expect(
      select(volumes, v.eq("pod.name", "z-ProdPod")).length +
        select(volumes, v.ne("pod.name", "z-ProdPod")).length,
    ).toBe(81);
    // A missing field: = is false, != is true.
    expect(select(volumes, f.eq("no_such_field", "x"))).toHaveLength(0);
    expect(select(volumes, f.ne("no_such_field", "x"))).toHaveLength(81);
    expect(select(volumes, f.eq("no_such_field", null))).toHaveLength(81);
    expect(select(volumes, f.gt("no_such.nested", 0))).toHaveLength(0);
  });

  it("does not coerce between types", () => {
    expect(select(volumes, f.eq("connection_count", "1"))).toHaveLength(0);
    expect(select(volumes, f.gt("name", 0))).toHaveLength(0);
    expect(select(volumes, f.eq("destroyed", "false"))).toHaveLength(0);
    expect(select(volumes, f.eq("space", "x"))).toHaveLength(0);
  });

  it("reads own properties only", () => {
    expect(select(volumes, f.eq("constructor", null))).toHaveLength(81);
    expect(select(volumes, f.ne("toString", null))).toHaveLength(0);
    expect(select([{ list: [1, 2] }], f.eq("list.length", 2))).toHaveLength(0);
  });

  it("in-lists", () => {
    const wanted = ["z-sql-tpcc-data", "z-sql-tpcc-log", "not-there"];
    expect(names(select(volumes, v.in("name", wanted)))).toEqual(["z-sql-tpcc-data", "z-sql-tpcc-log"]);
    expect(select(volumes, v.notIn("name", wanted))).toHaveLength(79);
    expect(select(volumes, v.in("connection_count", [0, 2]))).toHaveLength(26);
    expect(select(volumes, v.in("pod.name", [null, "z-ProdPod"]))).toHaveLength(71);
    expect(select(volumes, "name!=('z-sql-tpcc-data','z-sql-tpcc-log')")).toHaveLength(79);
    expect(names(select(volumes, "name=('z-sql-tpcc-*', 'eg-test0*')"))).toEqual([
      "z-sql-tpcc-data",
      "z-sql-tpcc-log",
      "z-sql-tpcc-sys",
      "eg-test01",
      "eg-test02",
    ]);
  });

  it("contains is a case-sensitive substring test", () => {
    expect(select(volumes, v.contains("name", "datastore"))).toEqual(
      volumes.filter((x) => x.name?.includes("datastore")),
    );
    expect(select(volumes, v.contains("name", "datastore")).length).toBeGreaterThan(5);
    expect(select(volumes, v.contains("name", "DATASTORE"))).toHaveLength(0);
    expect(select(volumes, v.contains("pod.name", "Pod"))).toHaveLength(3); // z-ProdPod, not z-RoCEpod
    expect(select(volumes, f.contains("provisioned", "0"))).toHaveLength(0);
  });

  it("[any] and [all] over lists of strings and of references", () => {
    expect(names(select(hosts, h.any("wwns", "2100F4C7AA002706")))).toEqual([
      "z-c220-1-fc",
      "z-m70-a:z-c220-1-fc",
    ]);
    expect(select(hosts, h.any("preferred_arrays", "z-x70-a"))).toHaveLength(2);
    expect(select(hosts, h.eq("preferred_arrays[any].name", "z-x70-a"))).toHaveLength(2);
    expect(select(hosts, h.like("wwns[any]", "2100F4C7AA0027*"))).toEqual(
      hosts.filter((x) => x.wwns?.some((w) => w.startsWith("2100F4C7AA0027"))),
    );
    expect(select(hosts, h.contains("iqns[any]", "iqn."))).toEqual(
      hosts.filter((x) => (x.iqns ?? []).length > 0),
    );
    expect(select(hosts, h.ne("nqns[any]", null))).toHaveLength(4);
    // [all]: every element; an empty list satisfies it, a missing one does not.
    expect(select(hosts, h.like("wwns[all]", "2100*"))).toHaveLength(30); // all but z-win2019-poc's 1000…
    expect(select(hosts, h.like("wwns[all]", "2100*").and(h.ne("wwns[any]", null)))).toHaveLength(12);
    const shapes = [
      {
        name: "refs",
        hosts: [
          { name: "h0", id: "1" },
          { name: "h1", id: "2" },
        ],
      },
      { name: "strings", hosts: ["h1", "h2"] },
      { name: "empty", hosts: [] },
      { name: "missing" },
      { name: "not-a-list", hosts: "h1" },
      { name: "other", hosts: [{ name: "h2" }] },
    ];
    expect(names(select(shapes, f.any("hosts", "h1")))).toEqual(["refs", "strings"]);
    expect(names(select(shapes, f.in("hosts[any]", ["h0", "h2"])))).toEqual(["refs", "strings", "other"]);
    expect(names(select(shapes, f.eq("hosts[all]", "h2")))).toEqual(["empty", "other"]);
    expect(names(select(shapes, f.eq("hosts[any].id", "2")))).toEqual(["refs"]);
  });

  it("wildcards in = and != comparisons", () => {
    const startsWithZ = volumes.filter((x) => x.name?.startsWith("z-"));
    expect(select(volumes, v.like("name", "z-*"))).toEqual(startsWithZ);
    expect(select(volumes, v.not(v.like("name", "z-*")))).toHaveLength(81 - startsWithZ.length);
    expect(select(volumes, "name!='z-*'")).toHaveLength(81 - startsWithZ.length);
    expect(select(volumes, v.like("name", "*datastore*"))).toEqual(
      select(volumes, v.contains("name", "datastore")),
    );
    expect(names(select(volumes, v.like("name", "vvol-*-vg/Swap-*")))).toEqual(
      volumes.filter((x) => /^vvol-.*-vg\/Swap-.*$/s.test(x.name ?? "")).map((x) => x.name),
    );
    expect(select(volumes, v.like("name", "vvol-*-vg/Swap-*"))).toHaveLength(3);
    expect(select(volumes, v.like("name", "*"))).toHaveLength(81);
    expect(select(volumes, v.like("name", "z-*-*-*-*-*-*-*-*-*-*-*"))).toHaveLength(0);
    // eq is literal: the `*` is escaped and matches only an asterisk.
    expect(select(volumes, v.eq("name", "z-*"))).toHaveLength(0);
    const stars = [{ name: "z-*" }, { name: "z-a" }, { name: "a*b" }, { name: "ab" }];
    expect(select(stars, f.eq("name", "z-*"))).toEqual([{ name: "z-*" }]);
    expect(select(stars, "name='a\\*b'")).toEqual([{ name: "a*b" }]);
    expect(select(stars, "name='a*b'")).toEqual([{ name: "a*b" }, { name: "ab" }]);
    expect(select([{ name: "aXa" }, { name: "a" }, { name: "aa" }], "name='a*a'")).toEqual([
      { name: "aXa" },
      { name: "aa" },
    ]);
    // Elsewhere `*` is literal.
    expect(select(stars, "contains(name,'*')")).toEqual([{ name: "z-*" }, { name: "a*b" }]);
    expect(select(stars, "name<'z-*'")).toEqual([{ name: "a*b" }, { name: "ab" }]);
  });

  it("tags", () => {
    const tagged: Volume[] = [
      { name: "a", tags: [{ key: "env", value: "prod", namespace: "default" }] },
      {
        name: "b",
        tags: [
          { key: "env", value: "dev" },
          { key: "team", value: "db" },
        ],
      },
      { name: "c", tags: [] },
      { name: "d" },
      { name: "e", tags: [{ key: "env", value: "prod*" }] },
      ...volumes,
    ];
    expect(names(select(tagged, v.tags("env", "prod")))).toEqual(["a"]);
    expect(names(select(tagged, v.tags("team", "db")))).toEqual(["b"]);
    expect(names(select(tagged, v.tags("env", "prod*")))).toEqual(["e"]);
    expect(names(select(tagged, v.tags("env", "dev").and(v.tags("team", "db"))))).toEqual(["b"]);
    expect(select(tagged, v.not(v.tags("env", "prod")))).toHaveLength(tagged.length - 1);
    expect(names(select(tagged, v.eq("tags[any].key", "team")))).toEqual(["b"]);
    expect(names(select(tagged, "TAGS ( 'env' , 'dev' )"))).toEqual(["b"]);
  });

  it("matches a boolean oracle on random and/or/not trees", () => {
    type Tree = { leaf: "p" | "q" | "r" } | { op: "and" | "or"; kids: Tree[] } | { not: Tree };
    type Item = { p: boolean; q: boolean; r: boolean };
    const next = random(7);
    const grow = (depth: number): Tree => {
      const roll = next();
      if (depth === 0 || roll < 0.3)
        return { leaf: (["p", "q", "r"] as const)[Math.floor(next() * 3)] ?? "p" };
      if (roll < 0.45) return { not: grow(depth - 1) };
      const kids = Array.from({ length: 2 + Math.floor(next() * 2) }, () => grow(depth - 1));
      return { op: roll < 0.72 ? "and" : "or", kids };
    };
    const build = (t: Tree): Filter => {
      if ("leaf" in t) return f.eq(t.leaf, true);
      if ("not" in t) return f.not(build(t.not));
      const [first, ...rest] = t.kids.map(build) as [Filter, ...Filter[]];
      // Exercise both spellings: f.and(a, b) and a.and(b).
      if (next() < 0.5) return t.op === "and" ? f.and(first, ...rest) : f.or(first, ...rest);
      return rest.reduce((acc, kid) => (t.op === "and" ? acc.and(kid) : acc.or(kid)), first);
    };
    const oracle = (t: Tree, item: Item): boolean => {
      if ("leaf" in t) return item[t.leaf];
      if ("not" in t) return !oracle(t.not, item);
      return t.op === "and" ? t.kids.every((k) => oracle(k, item)) : t.kids.some((k) => oracle(k, item));
    };
    const items: Item[] = [];
    for (let n = 0; n < 8; n++) items.push({ p: (n & 1) === 1, q: (n & 2) === 2, r: (n & 4) === 4 });
    for (let n = 0; n < 300; n++) {
      const tree = grow(4);
      const predicate = compileFilter(String(build(tree)));
      for (const item of items) expect(predicate(item)).toBe(oracle(tree, item));
    }
  });
});

describe("parser", () => {
  const field = (text: string) => ({
    text,
    segments: text.split(".").map((key) => ({ key, quantifier: null })),
  });
  const cmp = (name: string, op: string, value: number): FilterNode =>
    ({ kind: "compare", field: field(name), op, value: { type: "number", value } }) as FilterNode;

  it("gives not > and > or precedence", () => {
    expect(parseFilter("a=1 or b=2 and c=3")).toEqual({
      kind: "or",
      operands: [cmp("a", "=", 1), { kind: "and", operands: [cmp("b", "=", 2), cmp("c", "=", 3)] }],
    });
    expect(parseFilter("a=1 and b=2 or c=3")).toEqual({
      kind: "or",
      operands: [{ kind: "and", operands: [cmp("a", "=", 1), cmp("b", "=", 2)] }, cmp("c", "=", 3)],
    });
    expect(parseFilter("not a=1 and b=2")).toEqual({
      kind: "and",
      operands: [{ kind: "not", operand: cmp("a", "=", 1) }, cmp("b", "=", 2)],
    });
    expect(parseFilter("not(a=1 or b=2)")).toEqual({
      kind: "not",
      operand: { kind: "or", operands: [cmp("a", "=", 1), cmp("b", "=", 2)] },
    });
    expect(parseFilter("(a=1 or b=2) and c=3")).toEqual({
      kind: "and",
      operands: [{ kind: "or", operands: [cmp("a", "=", 1), cmp("b", "=", 2)] }, cmp("c", "=", 3)],
    });
    const item = { a: 1, b: 0, c: 0 };
    expect(compileFilter("a=1 or b=2 and c=3")(item)).toBe(true);
    expect(compileFilter("(a=1 or b=2) and c=3")(item)).toBe(false);
    expect(compileFilter("not a=1 or c=0")(item)).toBe(true);
    expect(compileFilter("not not a=1")(item)).toBe(true);
  });

  it("accepts free whitespace, any keyword case and every operator", () => {
    expect(parseFilter("  name = 'a'\n AND\tsize >= 2 ")).toEqual(parseFilter("name='a' and size>=2"));
    expect(parseFilter("NOT(a=1) Or b=2")).toEqual(parseFilter("not(a=1) or b=2"));
    expect(parseFilter("contains( name , 'x' )")).toEqual(parseFilter("contains(name,'x')"));
    for (const op of ["=", "!=", "<", "<=", ">", ">="]) {
      expect(parseFilter(`a${op}1`)).toEqual(cmp("a", op, 1));
    }
    expect(parseFilter("a=-1.5e+3")).toEqual(cmp("a", "=", -1500));
    expect(parseFilter("a=TRUE")).toMatchObject({ value: { type: "boolean", value: true } });
    expect(parseFilter("a=null")).toMatchObject({ value: { type: "null", value: null } });
    expect(parseFilter("tags[any].key='k'")).toMatchObject({
      field: {
        segments: [
          { key: "tags", quantifier: "any" },
          { key: "key", quantifier: null },
        ],
      },
    });
    // `contains`/`tags` are functions only before "(": otherwise they are field names.
    expect(parseFilter("contains='x'")).toMatchObject({ kind: "compare", field: { text: "contains" } });
    expect(parseFilter("tags[any].value='v'")).toMatchObject({ kind: "compare" });
  });

  it.each([
    [
      "name='a')",
      8,
      "Invalid filter: unexpected token ')' at position 8, expected 'and', 'or' or the end of the filter",
    ],
    ["(name='a'", 9, "Invalid filter: unexpected end of filter at position 9, expected ')'"],
    ["name=", 5, "Invalid filter: unexpected end of filter at position 5, expected a value"],
    ["name='a' and", 12, "Invalid filter: unexpected end of filter at position 12, expected a condition"],
    ["name='a' and )", 13, "Invalid filter: unexpected token ')' at position 13"],
    ["name='abc", 5, "Invalid filter: unterminated string starting at position 5"],
    ["name='abc\\'", 5, "Invalid filter: unterminated string starting at position 5"],
    ["name=vol1", 5, "Invalid filter: unexpected token 'vol1' at position 5, expected a value"],
    ['name="vol1"', 5, "Invalid filter: unexpected character '\"' at position 5: strings take single quotes"],
    ["name='a\\d'", 7, "Invalid filter: unknown escape '\\d' at position 7"],
    [
      "a<true",
      2,
      "Invalid filter: unexpected token 'true' at position 2, expected a number or a 'quoted string'",
    ],
    ["a>null", 2, "Invalid filter: unexpected token 'null' at position 2"],
    ["a<('x')", 2, "a list (…) may only follow '=' or '!='"],
    ["a=()", 3, "Invalid filter: unexpected token ')' at position 3, expected a value"],
    ["a=('x',)", 7, "Invalid filter: unexpected token ')' at position 7, expected a value"],
    ["a=('x' 'y')", 7, "Invalid filter: unexpected string 'y' at position 7, expected ',' or ')'"],
    ["name", 4, "Invalid filter: unexpected end of filter at position 4, expected a comparison operator"],
    ["name 'x'", 5, "Invalid filter: unexpected string 'x' at position 5, expected a comparison operator"],
    ["name == 'x'", 6, "Invalid filter: unexpected token '=' at position 6, expected a value"],
    ["a ! b", 2, "Invalid filter: unexpected character '!' at position 2"],
    ["a=1 && b=2", 4, "Invalid filter: unexpected character '&' at position 4"],
    ["hosts[foo]='x'", 5, "only [any] and [all] may follow a field name"],
    ["a.='x'", 2, "Invalid filter: expected a field name after '.' at position 2"],
    ["a=12abc", 2, "Invalid filter: malformed number at position 2"],
    ["a=1.", 2, "Invalid filter: malformed number at position 2"],
    ["and='x'", 0, "Invalid filter: unexpected token 'and' at position 0, expected a condition"],
    ["name='a' name='b'", 9, "Invalid filter: unexpected token 'name' at position 9, expected 'and', 'or'"],
    ["contains(name)", 13, "Invalid filter: unexpected token ')' at position 13, expected ','"],
    ["contains(name,5)", 14, "expected a 'quoted string': contains(field,'text')"],
    ["tags('k')", 8, "expected ',': tags('key','value')"],
    ["tags('k',1)", 9, "expected a 'quoted' tag value"],
    ["not", 3, "Invalid filter: unexpected end of filter at position 3, expected a condition"],
    ["", 0, "Invalid filter: the filter is empty"],
    ["   ", 0, "Invalid filter: the filter is empty"],
  ])("%j fails at position %i", (expression, position, message) => {
    const error = syntaxError(expression);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("FilterSyntaxError");
    expect(error.position).toBe(position);
    expect(error.expression).toBe(expression);
    expect(error.message).toContain(message);
  });

  it("refuses runaway nesting instead of overflowing the stack", () => {
    expect(parseFilter(`${"(".repeat(60)}a=1${")".repeat(60)}`)).toEqual(cmp("a", "=", 1));
    const deep = `${"(".repeat(5000)}a=1${")".repeat(5000)}`;
    expect(syntaxError(deep).message).toContain("nested too deeply");
    expect(syntaxError(`${"not ".repeat(5000)}a=1`).message).toContain("nested too deeply");
  });
});

describe("a large collection", () => {
  // Speed lives in bench/filter.ts; here the compiled predicate must agree with a
  // hand-written one on every one of 100k items.
  it("compiles once and keeps exactly the items a hand-written predicate keeps", () => {
    const items = Array.from({ length: 100_000 }, (_, n) => {
      const base = volumes[n % volumes.length] as Volume;
      return { ...base, name: `${base.name}-${n}`, tags: [{ key: "n", value: String(n % 10) }] };
    });
    const filter = v.and(
      v.like("name", "z-*"),
      v.or(v.gt("space.total_physical", 0), v.in("connection_count", [0, 5])),
      v.not(v.tags("n", "3")),
      v.ne("pod.name", "z-RoCEpod"),
    );
    const predicate = compileFilter(String(filter));
    const kept = items.filter(predicate);
    const expected = items.filter(
      (i) =>
        (i.name ?? "").startsWith("z-") &&
        ((i.space?.total_physical ?? 0) > 0 || [0, 5].includes(i.connection_count ?? -1)) &&
        !(i.tags ?? []).some((t) => t.key === "n" && t.value === "3") &&
        i.pod?.name !== "z-RoCEpod",
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(items.length);
    expect(kept.map((i) => i.name)).toEqual(expected.map((i) => i.name));
  });
});

describe("types", () => {
  it("derives field paths and value types from the item type", () => {
    expectTypeOf<"name" | "space.total_physical" | "pod.name" | "tags[any].key">().toExtend<
      FieldPath<Volume>
    >();
    expectTypeOf<
      "preferred_arrays[any]" | "preferred_arrays[any].name" | "wwns[any]" | "wwns[all]"
    >().toExtend<FieldPath<Host>>();
    expectTypeOf<"space" | "nmae" | "tags" | "name.x">().not.toExtend<FieldPath<Volume>>();
    expectTypeOf<FieldValue<Volume, "subtype">>().toEqualTypeOf<"regular" | "protocol_endpoint">();
    expectTypeOf<FieldValue<Volume, "space.total_physical">>().toEqualTypeOf<number>();
    expectTypeOf<FieldValue<Volume, "destroyed">>().toEqualTypeOf<boolean>();
    expectTypeOf<FieldValue<Host, "preferred_arrays[any]">>().toEqualTypeOf<string>();
    expectTypeOf<ListField<Host>>().toEqualTypeOf<"preferred_arrays" | "iqns" | "nqns" | "wwns">();
    expectTypeOf<SortField<Host>>().not.toExtend<`${string}[any]${string}`>();
    expectTypeOf<FieldPath<unknown>>().toEqualTypeOf<string>();
    expectTypeOf(v.eq("name", "x")).toEqualTypeOf<Filter<Volume>>();
    expectTypeOf(f.eq("anything.at_all", 1)).toEqualTypeOf<Filter<unknown>>();
    expectTypeOf(sort.desc("name")).toEqualTypeOf<"name-">();
    expectTypeOf(sortFor<Volume>().asc("space.total_physical")).toEqualTypeOf<"space.total_physical">();
  });

  it("rejects mistakes at compile time", () => {
    // Never run: these lines exist for the type checker (`tsc --noEmit`).
    const mistakes = () => {
      const s = sortFor<Volume>();
      // @ts-expect-error misspelt field name
      v.eq("nmae", "x");
      // @ts-expect-error a path to an object is not a field
      v.eq("space", 1);
      // @ts-expect-error a string compared with a number field
      v.eq("provisioned", "1024");
      // @ts-expect-error not one of the enum's values
      v.eq("subtype", "regualr");
      // @ts-expect-error booleans have no order
      v.gt("destroyed", true);
      // @ts-expect-error contains() on a number
      v.contains("provisioned", "1");
      // @ts-expect-error any() on a field that is not a list
      h.any("name", "x");
      // @ts-expect-error in() with values of the wrong type
      v.in("connection_count", ["1"]);
      // @ts-expect-error filters of different item types do not mix
      v.and(v.eq("name", "x"), h.eq("name", "y"));
      // @ts-expect-error same, through the method
      v.eq("name", "x").or(h.eq("name", "y"));
      // @ts-expect-error sort keys have no list quantifiers
      s.asc("tags[any].key");
      // @ts-expect-error and() needs at least one filter
      f.and();
      // @ts-expect-error no raw strings
      f.not("name='x'");
    };
    // Untyped filters fit typed ones; typed builders accept every real path.
    const ok = v.and(f.eq("name", "x"), v.gte("space.total_physical", 1), v.eq("tags[any].key", "x"));
    expect(String(ok)).toBe("name='x' and space.total_physical>=1 and tags[any].key='x'");
    expect(typeof mistakes).toBe("function");
  });
});
