/**
 * Tracing with middleware: one span per call (a call is one `X-Request-ID`: its
 * retries, its re-auth replay and the pages of a listing are events of that span),
 * with a tracer small enough to read here. With OpenTelemetry, `startSpan` would be
 * `tracer.startSpan(name, { attributes })` and `event` `span.addEvent(...)`; nothing
 * else changes.
 *
 *   node --import tsx examples/tracing.ts
 */
import { fileURLToPath } from "node:url";
import { createFlashArrayMock } from "../mock/index.ts";
import { createFlashArrayClient, type FlashArrayClient } from "../runtime/flasharray.ts";
import type { Middleware } from "../runtime/index.ts";

/** A finished (or running) span: what a tracing backend would receive. */
export interface Span {
  name: string;
  requestId: string;
  start: number;
  end?: number;
  status?: number;
  events: { name: string; attempt: number; status?: number; error?: string }[];
}

/** The tiniest tracer: spans kept in memory, by request id. */
export function createTracer() {
  const spans = new Map<string, Span>();
  return {
    spans: () => [...spans.values()],
    startOrGet(requestId: string, name: string): Span {
      let span = spans.get(requestId);
      if (!span) {
        span = { name, requestId, start: performance.now(), events: [] };
        spans.set(requestId, span);
      }
      return span;
    },
  };
}

/**
 * Middleware that records a span per call. URLs it sees are redacted by purekit;
 * the span name is `METHOD /path` without the version prefix, so spans group across versions.
 */
export function tracingMiddleware(tracer: ReturnType<typeof createTracer>): Middleware {
  const nameOf = (request: Request) =>
    `${request.method} ${new URL(request.url).pathname.replace(/^\/api\/\d+\.\d+/, "")}`;
  return {
    onRequest({ request, attempt, requestId }) {
      const span = tracer.startOrGet(requestId, nameOf(request));
      span.events.push({ name: "attempt", attempt });
      // Propagate a trace context the way W3C traceparent does (the array ignores it; a gateway may log it).
      request.headers.set("traceparent", `00-${requestId.replace(/-/g, "")}-${"0".repeat(15)}${attempt}-01`);
    },
    onResponse({ response, attempt, requestId }) {
      const span = tracer.startOrGet(requestId, "?");
      span.events.push({ name: "response", attempt, status: response.status });
      span.status = response.status;
      span.end = performance.now();
    },
    onError({ error, attempt, requestId }) {
      const span = tracer.startOrGet(requestId, "?");
      span.events.push({ name: "error", attempt, error: String((error as Error).message) });
      span.end = performance.now();
    },
  };
}

/** Adds tracing to a client; returns the tracer to read spans from. */
export function trace(client: FlashArrayClient) {
  const tracer = createTracer();
  client.use(tracingMiddleware(tracer));
  return tracer;
}

async function main(): Promise<void> {
  const array = createFlashArrayMock({ seed: { volumes: 25 } });
  await using fa = await createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch: array.fetch,
    retry: { minDelayMs: 10 },
  });
  const tracer = trace(fa);
  array.faults.add({ method: "GET", path: "/volumes", status: 503, times: 1 }); // a busy array: one retry
  await fa.getVolumes({ limit: 5 });
  let n = 0;
  for await (const _ of fa.paginate("/volumes", { params: { query: { limit: 10 } } })) n++;
  console.log(`listed ${n} volumes`);
  for (const span of tracer.spans()) {
    const ms = ((span.end ?? performance.now()) - span.start).toFixed(1);
    const events = span.events
      .map((e) => `${e.name}#${e.attempt}${e.status ? `=${e.status}` : ""}`)
      .join(" ");
    console.log(
      `span ${span.name.padEnd(16)} ${String(span.status).padEnd(4)} ${ms.padStart(6)} ms  ${events}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
