/**
 * Child processes of `bench/all.ts` (started by `startChild` in bench/stats.ts): a
 * server per role, or one fresh-process client run. Each prints one JSON line first
 * (its ports, or its result) and serves until SIGTERM.
 *
 *   --role trivial --certs FILE                 trivial HTTPS array (figures 1–4)
 *   --role bare    --certs FILE --body FILE     bare node:http + node:https (figure 5)
 *   --role mock    --certs FILE --volumes N [--versions 2.56,2.38]
 *                                               standalone mock over HTTP + HTTPS (figures 5, 7)
 *   --role cold-purekit|cold-fetch --url URL --certs FILE --headers JSON   (figure 4)
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { coldRun, serveTrivial } from "./client-latency.ts";
import { serveBare, serveMock } from "./mock-rate.ts";

process.on("SIGTERM", () => process.exit(0));

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    certs: { type: "string" },
    body: { type: "string" },
    volumes: { type: "string", default: "10000" },
    versions: { type: "string", default: "2.56" },
    url: { type: "string" },
    headers: { type: "string", default: "[]" },
    first: { type: "string", default: "100" },
    "warmup-calls": { type: "string", default: "3000" },
    "warmup-ms": { type: "string", default: "2500" },
    "warm-calls": { type: "string", default: "300" },
  },
});

const certs = values.certs as string;
switch (values.role) {
  case "trivial":
    await serveTrivial(certs);
    break;
  case "bare":
    await serveBare(certs, values.body as string);
    break;
  case "mock":
    await serveMock(certs, Number(values.volumes), (values.versions as string).split(","));
    break;
  case "cold-purekit":
  case "cold-fetch": {
    const { caPem } = JSON.parse(readFileSync(certs, "utf8")) as { caPem: string };
    const result = await coldRun(
      values.role === "cold-purekit" ? "purekit" : "fetch",
      values.url as string,
      caPem,
      JSON.parse(values.headers as string) as [string, string][],
      {
        first: Number(values.first),
        warmupCalls: Number(values["warmup-calls"]),
        warmupMs: Number(values["warmup-ms"]),
        warmCalls: Number(values["warm-calls"]),
      },
    );
    console.log(JSON.stringify(result));
    process.exit(0);
    break;
  }
  default:
    throw new Error(`bench/child.ts: unknown --role ${values.role}`);
}
