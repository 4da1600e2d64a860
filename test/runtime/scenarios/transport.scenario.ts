/**
 * The transport (runtime/transport/) on both runtimes, against an HTTPS server this runtime
 * serves with a CA made at test time: tls.ca for every body shape, the message when no CA
 * is given, tls.insecure warning once, an abort and a timeout going through the adapter.
 * Node-only details (undici's Response class, redirects of the bare transport) are in
 * test/runtime/transport/transport.test.ts.
 */

import assert from "node:assert/strict";
import { createFlashArrayMock } from "../../../mock/index.ts";
import { createSelfSignedCertificate } from "../../../mock/tls/index.ts";
import { PurekitError } from "../../../runtime/errors.ts";
import { createFlashArrayClient } from "../../../runtime/flasharray.ts";
import { createTransportFetch } from "../../../runtime/transport/index.ts";
import { describe, it } from "../../helpers/scenario.ts";
import { serveMock, serveWeb } from "../../helpers/serve.ts";

async function handler(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === "/hello") return Response.json({ hello: "array" });
  if (pathname === "/echo") {
    return Response.json({
      method: request.method,
      contentType: request.headers.get("content-type"),
      body: await request.text(),
    });
  }
  if (pathname === "/no-content")
    return new Response(null, { status: 204, headers: { "x-request-id": "r1" } });
  if (pathname === "/slow") {
    await hangUp(request.signal, 10_000);
    return new Response("late");
  }
  return new Response("not found", { status: 404 });
}

/** Resolves when the client hangs up (Deno.serve says so) or after `ms`, leaving no timer behind. */
function hangUp(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

const certs = await createSelfSignedCertificate();
const tls = { cert: certs.certPem, key: certs.keyPem };

/** The PurekitError `run` rejects with; fails when it resolves or throws something else. */
async function purekitError(run: () => Promise<unknown>): Promise<PurekitError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PurekitError) return error;
    throw error;
  }
  throw new Error("expected a PurekitError, nothing was thrown");
}

describe("transport", () => {
  it("tls.ca: GET, POST with JSON, a Request with a body and a 204, as global Responses", async () => {
    const server = await serveWeb(handler, tls);
    const withCa = await createTransportFetch({ tls: { ca: certs.caPem } });
    try {
      const get = await withCa(`${server.url}/hello`);
      assert.ok(get instanceof Response);
      assert.equal(get.status, 200);
      assert.deepEqual(await get.json(), { hello: "array" });
      const post = await withCa(`${server.url}/echo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "vol1" }),
      });
      assert.deepEqual(await post.json(), {
        method: "POST",
        contentType: "application/json",
        body: '{"name":"vol1"}',
      });
      const fromRequest = await withCa(
        new Request(`${server.url}/echo`, { method: "PATCH", body: "from a Request" }),
      );
      assert.deepEqual(await fromRequest.json(), {
        method: "PATCH",
        contentType: "text/plain;charset=UTF-8",
        body: "from a Request",
      });
      const noContent = await withCa(`${server.url}/no-content`, { method: "DELETE" });
      assert.equal(noContent.status, 204);
      assert.equal(noContent.body, null);
      assert.equal(noContent.headers.get("x-request-id"), "r1");
    } finally {
      await withCa.close?.();
      await server.close();
    }
  });

  it("no tls.ca: ERR_TLS naming the origin, the unknown CA and what to give", async () => {
    const server = await serveWeb(handler, tls);
    try {
      const plain = await createTransportFetch({});
      const error = await purekitError(() => plain(`${server.url}/hello`));
      assert.equal(error.code, "ERR_TLS");
      assert.equal(
        error.message,
        `TLS verification of ${server.url} failed: certificate issued by an unknown CA. ` +
          "Give the array's CA with tls.ca (PEM), or tls.insecure for a lab array.",
      );
    } finally {
      await server.close();
    }
  });

  it("tls.insecure: answers despite the untrusted certificate, and warns exactly once", async () => {
    const server = await serveWeb(handler, tls);
    const warnings: string[] = [];
    const insecure = await createTransportFetch({
      tls: { insecure: true },
      onInsecure: (message) => warnings.push(message),
    });
    try {
      assert.equal((await insecure(`${server.url}/hello`)).status, 200);
      const echoed = await insecure(new Request(`${server.url}/echo`, { method: "POST", body: "{}" }));
      assert.equal(((await echoed.json()) as { body: string }).body, "{}");
      assert.equal(warnings.length, 1);
    } finally {
      await insecure.close?.();
      await server.close();
    }
  });

  it("abort: a signal ends a request over the platform transport with its reason; the next one works", async () => {
    const server = await serveWeb(handler, tls);
    const withCa = await createTransportFetch({ tls: { ca: certs.caPem } });
    try {
      const controller = new AbortController();
      const pending = withCa(`${server.url}/slow`, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error("stopped by the scenario")), 50);
      await assert.rejects(pending, (error: unknown) => {
        assert.equal((error as Error).message, "stopped by the scenario");
        return true;
      });
      const before = new AbortController();
      before.abort(new Error("aborted before sending"));
      await assert.rejects(
        withCa(`${server.url}/hello`, { signal: before.signal }),
        /aborted before sending/,
      );
      assert.deepEqual(await (await withCa(`${server.url}/hello`)).json(), { hello: "array" });
    } finally {
      await withCa.close?.();
      await server.close();
    }
  });

  it("timeout: a client with tls.ca and timeoutMs against a slow array is ERR_TIMEOUT, then recovers", async () => {
    const array = createFlashArrayMock({ seed: { volumes: 3 } });
    const server = await serveMock(array, tls);
    const fa = await createFlashArrayClient({
      host: server.url,
      auth: { apiToken: array.apiToken },
      tls: { ca: certs.caPem },
      retry: { retries: 0 },
      logger: {},
    });
    try {
      array.faults.add({ method: "GET", path: /\/volumes$/, latencyMs: 1_000, times: 1 });
      const error = await purekitError(() => fa.getVolumes({ limit: 1 }, { timeoutMs: 100 }));
      assert.equal(error.code, "ERR_TIMEOUT");
      assert.match(error.message, /after 100 ms/);
      assert.equal((await fa.getVolumes({ limit: 1 })).items?.length, 1);
    } finally {
      await fa.close();
      await server.close();
    }
  });
});
