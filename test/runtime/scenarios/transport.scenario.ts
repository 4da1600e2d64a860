/**
 * The transport (runtime/transport/) on both runtimes, against an HTTPS server this runtime
 * serves with a CA made at test time: tls.ca for every body shape, the message when no CA
 * is given, and tls.insecure warning once. Node-only details (undici's Response class,
 * redirects, timeouts of the adapter) are in test/runtime/transport/transport.test.ts.
 */

import assert from "node:assert/strict";
import { createSelfSignedCertificate } from "../../../mock/tls/index.ts";
import { PurekitError } from "../../../runtime/errors.ts";
import { createTransportFetch } from "../../../runtime/transport/index.ts";
import { describe, it } from "../../helpers/scenario.ts";
import { serveWeb } from "../../helpers/serve.ts";

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
  return new Response("not found", { status: 404 });
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
});
