/**
 * The transport on Deno, against an HTTPS server the vitest side started
 * (test/transport.test.ts runs this with `deno run -A`).
 *
 *   deno run -A test/deno/transport.deno.ts <server url> <CA PEM file>
 *
 * Prints one JSON line with what it saw; the vitest side asserts on it.
 */

import { PurekitError } from "../../runtime/errors.ts";
import { createTransportFetch } from "../../runtime/transport/index.ts";

/** The part of the `Deno` namespace this script uses (no Deno types in this project). */
const Deno = (
  globalThis as unknown as {
    Deno: {
      args: string[];
      version: { deno: string };
      readTextFile(path: string): Promise<string>;
    };
  }
).Deno;

const [url, caFile] = Deno.args;
if (!url || !caFile) throw new Error("usage: deno run -A transport.deno.ts <server url> <CA PEM file>");
const ca = await Deno.readTextFile(caFile);

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string } | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof PurekitError) return { code: error.code, message: error.message };
    return { code: `not a PurekitError: ${String(error)}`, message: String((error as Error).message) };
  }
}

const withCa = await createTransportFetch({ tls: { ca } });
const get = await withCa(`${url}/hello`);
const post = await withCa(`${url}/echo`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "vol1" }),
});
const fromRequest = await withCa(new Request(`${url}/echo`, { method: "PATCH", body: "from a Request" }));
const noContent = await withCa(`${url}/no-content`, { method: "DELETE" });

const noCaError = await failure(async () => (await createTransportFetch({}))(`${url}/hello`));

const warnings: string[] = [];
const insecure = await createTransportFetch({
  tls: { insecure: true },
  onInsecure: (message) => warnings.push(message),
});
const insecureStatuses = [
  (await insecure(`${url}/hello`)).status,
  (await insecure(new Request(`${url}/echo`, { method: "POST", body: "{}" }))).status,
];

console.log(
  JSON.stringify({
    deno: Deno.version.deno,
    status: get.status,
    isGlobalResponse: get instanceof Response,
    body: await get.json(),
    post: { status: post.status, body: await post.json() },
    fromRequest: { status: fromRequest.status, body: await fromRequest.json() },
    noContent: { status: noContent.status, body: noContent.body },
    noCaError,
    insecureStatuses,
    insecureWarnings: warnings.length,
  }),
);
