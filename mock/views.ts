/**
 * Derived views: `GET /<objects>/space`, `/<objects>/performance` and `/<objects>/qos`
 * answer one row per object of `/<objects>` (`/arrays/space` for the array itself), so
 * objects created after start appear in them at once, with history honouring
 * `start_time`, `end_time` and `resolution`.
 *
 * A row is made from the spec: every field the view's item schema declares that the
 * object also has is copied (`space`, `capacity`, `name`, `id`); a field declared under
 * the view's own name in the object (`qos.iops_limit` for `/volumes/qos`) is lifted;
 * the other numeric fields are a deterministic synthetic series (the same object,
 * field and time give the same number on every mock), and `time` is the sample time.
 *
 * Valid resolutions come from the spec's `History_resolution` description (FA):
 * 1 s (arrays only) / 30 s for performance, 5 min and up for space; FB lists 1 s–24 h.
 * Without a window the answer is the latest sample, as on the arrays.
 */
import { type DataContext, findTargets, listCollection } from "./collections.ts";
import { answerJson, badRequest, type MockAnswer, MockHttpError } from "./http.ts";
import { deref, operationOf, typeOf } from "./spec.ts";
import { Collection, type Item } from "./state/collection.ts";
import { deterministicUuid, hash32 } from "./state/random.ts";

const DAY_MS = 86_400_000;
const COARSE = [300_000, 1_800_000, 7_200_000, 28_800_000, DAY_MS];
const RESOLUTIONS: Record<string, Record<"arrays" | "performance" | "space", readonly number[]>> = {
  flasharray: { arrays: [1000, 30_000, ...COARSE], performance: [30_000, ...COARSE], space: COARSE },
  flashblade: {
    arrays: [1000, 30_000, 300_000, 1_800_000, 7_200_000, DAY_MS],
    performance: [1000, 30_000, 300_000, 1_800_000, 7_200_000, DAY_MS],
    space: [1000, 30_000, 300_000, 1_800_000, 7_200_000, DAY_MS],
  },
};
/** Rows (objects × samples) one answer may build; a wider window is refused with a hint. */
export const MAX_VIEW_ROWS = 100_000;

/**
 * `/volumes/space` → `{ parent: "/volumes", view: "space" }`; `…/performance/by-array`
 * is the same view per array of the fleet; `null` for other paths.
 */
function viewOf(path: string): { parent: string; view: "space" | "performance" | "qos" } | null {
  const match = /^(\/[a-z0-9-]+)\/(space|performance|qos)(?:\/by-array)?$/.exec(path);
  return match ? { parent: match[1] as string, view: match[2] as "space" | "performance" | "qos" } : null;
}

/**
 * The deterministic value of a synthetic metric at a time, with a daily cycle; within
 * `[minimum, maximum]` when the schema bounds the field (ratios such as
 * `read_cache_hit_ratio` are 0–1).
 */
export function syntheticValue(
  object: string,
  field: string,
  time: number,
  integer: boolean,
  bounds: { minimum?: number; maximum?: number } = {},
): number {
  const h = hash32(`${object}|${field}`);
  const daily = Math.sin(((time % DAY_MS) / DAY_MS) * 2 * Math.PI + (h % 628) / 100);
  const noise = (hash32(`${object}|${field}|${time}`) % 1000) / 1000 - 0.5;
  const shape = Math.min(1, Math.max(0, 0.5 + 0.3 * daily + 0.1 * noise)); // 0–1
  let value: number;
  if (typeof bounds.maximum === "number") {
    const min = bounds.minimum ?? 0;
    value = min + shape * (bounds.maximum - min);
  } else {
    value = Math.max(bounds.minimum ?? 0, 1000 * (1 + (h % 5000)) * (0.4 + 1.2 * shape));
  }
  return integer ? Math.round(value) : Math.round(value * 1000) / 1000;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The samples a query asks for: aligned times, newest last. */
function samples(ctx: DataContext, kind: "arrays" | "performance" | "space"): number[] {
  const q = ctx.query;
  const valid = RESOLUTIONS[ctx.product]?.[kind] ?? COARSE;
  const resolution = typeof q.resolution === "number" ? q.resolution : (valid[0] as number);
  if (!valid.includes(resolution)) {
    throw badRequest(
      `Invalid resolution ${resolution} for ${ctx.op.path}: valid values are ${valid.join(", ")} (milliseconds).`,
      "resolution",
    );
  }
  const end = Math.min(typeof q.end_time === "number" ? q.end_time : ctx.now, ctx.now);
  const start = typeof q.start_time === "number" ? q.start_time : end - resolution;
  if (start > end) {
    throw badRequest(
      `start_time (${start}) is after end_time (${end}); give a window whose start comes first.`,
      "start_time",
    );
  }
  const last = Math.floor(end / resolution) * resolution;
  const first = typeof q.start_time === "number" ? Math.ceil(start / resolution) * resolution : last;
  const times: number[] = [];
  for (let t = first; t <= last; t += resolution) times.push(t);
  return times;
}

/**
 * Answers a derived view, or `null` when the path is not one (the generic listing
 * answers it then). `computed` fields (a product's own figures, such as FB
 * `/arrays/space?type=file-system`) replace what the rows would otherwise carry.
 */
export function listDerivedView(ctx: DataContext, computed?: Item): MockAnswer | null {
  const found = viewOf(ctx.op.path);
  if (!found || !operationOf(ctx.spec, "get", found.parent)) return null;
  const { parent, view } = found;
  const parents = ctx.state.collection(parent);
  const props = ctx.itemProps;
  // Objects named by names/ids, or all of them; a missing name is the usual 400 (or errors[] with allow_errors).
  const lookup = findTargets({ ...ctx, itemProps: { name: {}, id: {} } }, parents);
  if (lookup.errors.length && ctx.query.allow_errors !== true) throw new MockHttpError(400, lookup.errors);
  let objects = lookup.addressed ? lookup.found.map((f) => f.item) : [...parents.scan()].map((s) => s.item);
  if (parent === "/arrays" && objects.length === 0 && !lookup.addressed) {
    // A real array always lists itself.
    objects = [{ name: "mock-array", id: deterministicUuid(`${ctx.product}|array`) }];
  }
  if (typeof ctx.query.destroyed === "boolean") {
    objects = objects.filter((o) => (o.destroyed ?? false) === ctx.query.destroyed);
  }
  const history = view !== "qos" && "time" in props;
  const times = history
    ? samples(
        ctx,
        parent === "/arrays" && view === "performance"
          ? "arrays"
          : view === "space"
            ? "space"
            : "performance",
      )
    : [ctx.now];
  if (objects.length * times.length > MAX_VIEW_ROWS) {
    throw badRequest(
      `The window holds ${times.length} samples for each of ${objects.length} objects, more than ${MAX_VIEW_ROWS} rows; narrow the window, raise resolution, or name fewer objects.`,
      "start_time",
    );
  }
  const recorded = ctx.state.collection(ctx.op.path);
  const rows = new Collection(ctx.op.path);
  for (const object of objects) {
    const name = String(object.name ?? object.id ?? "");
    const lifted = isObject(object[view]) ? (object[view] as Item) : {};
    const latest = times.length === 1 ? recorded.get(name) : undefined;
    for (const time of times) {
      const row: Item = {};
      for (const [field, schema] of Object.entries(props)) {
        if (field === "time") row.time = time;
        else if (field === "array" && ctx.contextRef) row.array = { ...ctx.contextRef };
        else if (computed && field in computed) row[field] = computed[field];
        else if (latest && field in latest) row[field] = latest[field];
        else if (field in object) row[field] = object[field];
        else if (field in lifted) row[field] = lifted[field];
        else if (view === "performance") {
          const type = typeOf(ctx.spec, schema);
          if (type === "integer" || type === "number") {
            const resolved = deref(ctx.spec, schema) ?? {};
            const bounds: { minimum?: number; maximum?: number } = {};
            if (typeof resolved.minimum === "number") bounds.minimum = resolved.minimum;
            if (typeof resolved.maximum === "number") bounds.maximum = resolved.maximum;
            row[field] = syntheticValue(name, field, time, type === "integer", bounds);
          }
        } else if (field !== "context") row[field] = null;
      }
      if (view === "space" && !isObject(row.space) && "space" in props) row.space = {};
      rows.put(row);
    }
  }
  // Paging, sort, filter and totals as for any listing, over the rows just made.
  const { names: _n, ids: _i, destroyed: _d, allow_errors: _a, ...query } = ctx.query;
  const answer = listCollection({ ...ctx, query }, rows);
  if (!lookup.errors.length) return answer;
  return withErrors(answer, lookup.errors, ctx.partialStatus);
}

function withErrors(
  answer: MockAnswer,
  errors: { context?: string; message: string }[],
  status: number,
): MockAnswer {
  const body = { ...(answerJson(answer) as Record<string, unknown>), errors };
  return { status, headers: answer.headers, body: JSON.stringify(body) };
}
