/**
 * FlashBlade log downloads. `GET /logs?start_time&end_time` answers the window's log
 * history as a file (`application/octet-stream`). `PATCH /logs-async` starts preparing a
 * window (at most 6 hours, truncated to hour boundaries, as the spec says);
 * `GET /logs-async` shows its `progress`, which advances with the mock's clock, and the
 * `available_files` once done; `GET /logs-async/download?names=<file>` answers one file.
 *
 * The log lines are synthetic and deterministic (the same window gives the same bytes).
 */
import {
  bodyObject,
  type DataContext,
  type DataHandler,
  itemsAnswer,
  listCollection,
} from "../collections.ts";
import { badRequest, bytesAnswer, type MockAnswer, MockHttpError } from "../http.ts";
import type { Item } from "../state/collection.ts";
import { hash32 } from "../state/random.ts";

const HOUR_MS = 3_600_000;
/** What the spec allows one preparation: "At most 6 hours of logs can be prepared in one request." */
const MAX_ASYNC_HOURS = 6;
/** How long the mock takes to prepare a window's files (mock time). */
export const LOGS_PREPARE_MS = 60_000;
/** Lines a log file holds at most; a wider window samples more sparsely. */
const MAX_LINES = 10_000;

const MESSAGES = [
  "nfsd: client 10.0.0.%d mounted /%s",
  "s3: bucket request completed in %d ms (%s)",
  "health: blade CH1.FB%d healthy (%s)",
  "snapshot: policy daily ran on %d file systems (%s)",
  "replication: link to target-%d in sync (%s)",
  "smb: session from host-%d closed (%s)",
];

function arrayName(ctx: DataContext): string {
  const local = ctx.state.has("/arrays")
    ? ctx.state.collection("/arrays").scan().next().value?.item
    : undefined;
  return typeof local?.name === "string" ? local.name : (ctx.contextRef?.name ?? "mock-array");
}

/** The window's log text: one line per step, deterministic in the array's name and the time. */
export function logText(array: string, start: number, end: number): string {
  const step = Math.max(60_000, Math.ceil((end - start) / MAX_LINES / 60_000) * 60_000);
  const lines: string[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    const h = hash32(`${array}|${t}`);
    const template = MESSAGES[h % MESSAGES.length] as string;
    const message = template.replace("%d", String((h >>> 8) % 250)).replace("%s", array);
    lines.push(`${new Date(t).toISOString()} ${array} purity[${1000 + ((h >>> 4) % 9000)}]: ${message}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

function file(text: string): MockAnswer {
  return bytesAnswer(new TextEncoder().encode(text), "application/octet-stream");
}

function window(ctx: DataContext, start: unknown, end: unknown): { start: number; end: number } {
  // No logs from the future: a window ending later ends now (as the history views do).
  const to = Math.min(typeof end === "number" ? end : ctx.now, ctx.now);
  const from = typeof start === "number" ? start : to - HOUR_MS;
  if (from > to) {
    throw badRequest(
      `start_time (${from}) is after end_time (${to}); give a window whose start comes first.`,
      "start_time",
    );
  }
  return { start: from, end: to };
}

/** `GET /logs`: the window's log history (default: the last hour) as a file. */
const getLogs: DataHandler = (ctx) => {
  const { start, end } = window(ctx, ctx.query.start_time, ctx.query.end_time);
  return file(logText(arrayName(ctx), start, end));
};

/** A preparation as `GET /logs-async` shows it at the mock's `now`. */
function progressed(item: Item, now: number, array: string): Item {
  const requested = typeof item.last_request_time === "number" ? item.last_request_time : now;
  const progress = Math.min(1, Math.max(0, (now - requested) / LOGS_PREPARE_MS));
  const done = progress >= 1;
  const start = item.start_time as number;
  const end = item.end_time as number;
  const stamp = new Date(start).toISOString().slice(0, 13).replace("T", ".");
  return {
    ...item,
    progress: Math.round(progress * 100) / 100,
    processing: !done,
    available_files: done
      ? [{ name: `${array}_logs_${stamp}_${requested}.zip`, length: logText(array, start, end).length }]
      : [],
  };
}

/** `PATCH /logs-async` with `{start_time, end_time}`: starts preparing that window. */
const patchLogsAsync: DataHandler = (ctx) => {
  const body = bodyObject(ctx);
  const { start, end } = window(ctx, body.start_time, body.end_time);
  const from = Math.floor(start / HOUR_MS) * HOUR_MS;
  const to = Math.ceil(end / HOUR_MS) * HOUR_MS;
  const hours = Math.max(1, (to - from) / HOUR_MS);
  if (hours > MAX_ASYNC_HOURS) {
    throw badRequest(
      `The window spans ${hours} hours; at most ${MAX_ASYNC_HOURS} hours of logs can be prepared in one request. Prepare it in parts.`,
      "end_time",
    );
  }
  const collection = ctx.state.collection("/logs-async");
  const previous = collection.scan().next().value;
  const item: Item = {
    ...(previous?.item ?? {}),
    name: "logs-async",
    id: (previous?.item.id as string | undefined) ?? ctx.newId("/logs-async|logs-async"),
    start_time: from,
    end_time: to === from ? from + HOUR_MS : to,
    last_request_time: ctx.now,
    hardware_components: Array.isArray(body.hardware_components) ? body.hardware_components : [],
  };
  if (previous) collection.replace(previous.slot, item);
  else collection.add(item);
  return itemsAnswer([progressed(item, ctx.now, arrayName(ctx))], ctx);
};

/** `GET /logs-async`: the preparation, its progress as of now. */
const getLogsAsync: DataHandler = (ctx) => {
  const collection = ctx.state.collection("/logs-async");
  const array = arrayName(ctx);
  for (const { slot, item } of [...collection.scan()]) {
    if (typeof item.start_time === "number") collection.replace(slot, progressed(item, ctx.now, array));
  }
  return listCollection(ctx, collection);
};

/** `GET /logs-async/download?names=<file>`: a prepared file. */
const downloadLogsAsync: DataHandler = (ctx) => {
  const names = Array.isArray(ctx.query.names) ? ctx.query.names.map(String) : [];
  if (names.length !== 1) {
    throw badRequest(
      "names: give the one file to download, from available_files of GET /logs-async.",
      "names",
    );
  }
  const name = names[0] as string;
  const array = arrayName(ctx);
  for (const { item } of ctx.state.collection("/logs-async").scan()) {
    if (typeof item.start_time !== "number") continue;
    const now = progressed(item, ctx.now, array);
    if ((now.available_files as Item[]).some((f) => f.name === name)) {
      return file(logText(array, item.start_time as number, item.end_time as number));
    }
  }
  throw new MockHttpError(400, [
    {
      context: name,
      message: "File does not exist (prepare logs with PATCH /logs-async and wait for progress 1).",
    },
  ]);
};

export const logSemantics: Record<string, DataHandler> = {
  "GET /logs": getLogs,
  "GET /logs-async": getLogsAsync,
  "PATCH /logs-async": patchLogsAsync,
  "GET /logs-async/download": downloadLogsAsync,
};
