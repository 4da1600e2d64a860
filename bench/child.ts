/**
 * Server processes of `bench/all.ts` (started by `startChild` in bench/stats.ts), one per
 * role. Each prints one JSON line (its ports) and serves until SIGTERM. Figure 4's
 * fresh-process clients are bench/cold.mjs.
 *
 *   --role trivial --certs FILE                 trivial HTTPS array (figures 1–4)
 *   --role bare    --certs FILE --body FILE     bare node:http + node:https (figure 5)
 *   --role mock    --certs FILE --volumes N [--versions 2.56,2.38]
 *                                               standalone mock over HTTP + HTTPS (figures 5, 7)
 */
import { parseArgs } from "node:util";
import { serveTrivial } from "./client-latency.ts";
import { serveBare, serveMock } from "./mock-rate.ts";

process.on("SIGTERM", () => process.exit(0));

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    certs: { type: "string" },
    body: { type: "string" },
    volumes: { type: "string", default: "10000" },
    versions: { type: "string", default: "2.56" },
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
  default:
    throw new Error(`bench/child.ts: unknown --role ${values.role}`);
}
