import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "../../../mock/tls/index.ts";
import { PurekitError } from "../../../runtime/errors.ts";
import { createTransportFetch } from "../../../runtime/transport/index.ts";
import { type HttpsTestServer, startHttpsServer } from "../../helpers/tls.ts";

const run = promisify(execFile);

/** What the test array answers: enough routes to exercise bodies, null bodies and redirects. */
async function handler(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  switch (pathname) {
    case "/hello":
      return Response.json({ hello: "array" });
    case "/echo":
      return Response.json({
        method: request.method,
        contentType: request.headers.get("content-type"),
        body: await request.text(),
      });
    case "/no-content":
      return new Response(null, { status: 204, headers: { "x-request-id": "r1" } });
    case "/not-modified":
      return new Response(null, { status: 304, headers: { etag: '"v1"' } });
    case "/moved":
      return new Response(null, { status: 307, headers: { location: "/echo" } });
    case "/slow":
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return new Response("late");
    default:
      return new Response("not found", { status: 404 });
  }
}

/** Runs `fn`, returns the PurekitError it threw (fails the test when it throws none or another). */
async function purekitError(fn: () => Promise<unknown>): Promise<PurekitError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof PurekitError) return error;
    throw error;
  }
  throw new Error("expected a PurekitError, nothing was thrown");
}

let certs: SelfSignedCertificate;
let otherCerts: SelfSignedCertificate;
let server: HttpsTestServer;
let dir: string;

beforeAll(async () => {
  certs = await createSelfSignedCertificate();
  otherCerts = await createSelfSignedCertificate();
  server = await startHttpsServer(handler, certs);
  dir = await mkdtemp(join(tmpdir(), "purekit-tls-"));
  await writeFile(join(dir, "ca.pem"), certs.caPem);
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("mock/tls createSelfSignedCertificate", () => {
  it("makes a CA and a server certificate it signed, for localhost, 127.0.0.1 and ::1", () => {
    const ca = new X509Certificate(certs.caPem);
    const leaf = new X509Certificate(certs.certPem);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
    expect(leaf.checkHost("localhost")).toBe("localhost");
    expect(leaf.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(leaf.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]); // serverAuth
    expect(certs.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it("adds the names, addresses and lifetime asked for", async () => {
    const made = await createSelfSignedCertificate({
      hostnames: ["array.lab", "*.pure.lab"],
      ips: ["10.0.0.5", "fd00::5"],
      days: 2,
    });
    const leaf = new X509Certificate(made.certPem);
    expect(leaf.subjectAltName).toContain("DNS:array.lab");
    expect(leaf.subjectAltName).toContain("DNS:*.pure.lab");
    expect(leaf.checkIP("10.0.0.5")).toBe("10.0.0.5");
    expect(leaf.checkIP("fd00::5")).toBe("fd00::5");
    const days = (Date.parse(leaf.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(2);
  });

  it("refuses names and addresses it cannot put in a certificate", async () => {
    await expect(createSelfSignedCertificate({ ips: ["300.1.1.1"] })).rejects.toMatchObject({
      code: "ERR_INVALID_ARGUMENT",
    });
    await expect(createSelfSignedCertificate({ hostnames: ["bad name"] })).rejects.toMatchObject({
      code: "ERR_INVALID_ARGUMENT",
    });
    await expect(createSelfSignedCertificate({ days: 0 })).rejects.toMatchObject({
      code: "ERR_INVALID_ARGUMENT",
    });
  });

  it.skipIf(!existsSync("/usr/bin/curl") && !existsSync("/usr/local/bin/curl"))(
    "is accepted by curl --cacert (standard X.509, not only Node's)",
    async () => {
      const { stdout } = await run("curl", ["-sS", "--cacert", join(dir, "ca.pem"), `${server.url}/hello`]);
      expect(JSON.parse(stdout)).toEqual({ hello: "array" });
      // and curl without the CA refuses the server (exit 60: peer certificate cannot be authenticated)
      await expect(run("curl", ["-sS", `${server.url}/hello`])).rejects.toMatchObject({ code: 60 });
    },
  );
});

describe("createTransportFetch", () => {
  it("returns a user-supplied fetch unchanged", async () => {
    const mine = (async () => new Response("mine")) as typeof fetch;
    expect(await createTransportFetch({ fetch: mine, tls: { insecure: true } })).toBe(mine);
  });

  it("without tls options uses the global fetch, looked up at call time", async () => {
    const transportFetch = await createTransportFetch({});
    const stub = vi.fn(async () => new Response("stubbed"));
    vi.stubGlobal("fetch", stub);
    try {
      expect(await (await transportFetch("https://array.invalid/x")).text()).toBe("stubbed");
      expect(stub).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("without a CA, a self-signed array fails with one clear ERR_TLS", async () => {
    const transportFetch = await createTransportFetch({});
    const error = await purekitError(() => transportFetch(`${server.url}/hello`));
    expect(error.code).toBe("ERR_TLS");
    expect(error.message).toBe(
      `TLS verification of ${server.url} failed: certificate issued by an unknown CA. ` +
        "Give the array's CA with tls.ca (PEM), or tls.insecure for a lab array.",
    );
    expect(error.cause).toBeInstanceOf(TypeError); // undici's "fetch failed", kept for debugging
    expect((error.cause as Error & { cause: { code: string } }).cause.code).toBe(
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    );
  });

  it("with the right CA succeeds and returns a global Response", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const response = await transportFetch(`${server.url}/hello`);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.url).toBe(`${server.url}/hello`);
    expect(await response.json()).toEqual({ hello: "array" });
  });

  it("builds the TLS context once: new connections reuse it instead of parsing the CA again", async () => {
    // tls.connect calls tls.createSecureContext for every connection given `ca` instead of
    // a `secureContext`; six calls at once open six connections.
    const nodeTls = (await import("node:tls")).default;
    const perConnection = vi.spyOn(nodeTls, "createSecureContext");
    try {
      const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => transportFetch(`${server.url}/hello`).then((r) => r.json())),
      );
      expect(answers).toEqual(Array.from({ length: 6 }, () => ({ hello: "array" })));
      expect(perConnection).not.toHaveBeenCalled();
    } finally {
      perConnection.mockRestore();
    }
  });

  it("with the wrong CA fails with ERR_TLS that says the given CA did not issue it", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: otherCerts.caPem } });
    const error = await purekitError(() => transportFetch(`${server.url}/hello`));
    expect(error.code).toBe("ERR_TLS");
    expect(error.message).toContain(`TLS verification of ${server.url} failed`);
    expect(error.message).toContain("The CA given in tls.ca did not issue it");
  });

  it("accepts a CA bundle (several PEM certificates, as a string or an array)", async () => {
    for (const ca of [`${otherCerts.caPem}\n${certs.caPem}`, [otherCerts.caPem, certs.caPem]]) {
      const transportFetch = await createTransportFetch({ tls: { ca } });
      expect((await transportFetch(`${server.url}/hello`)).status).toBe(200);
    }
  });

  it("with insecure succeeds and tells onInsecure exactly once, however many requests", async () => {
    const onInsecure = vi.fn();
    const transportFetch = await createTransportFetch({ tls: { insecure: true }, onInsecure });
    for (let i = 0; i < 3; i++) {
      const response = await transportFetch(`${server.url}/hello`);
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
    expect(onInsecure).toHaveBeenCalledOnce();
    expect(onInsecure.mock.calls[0]?.[0]).toMatch(/verification is OFF/);
  });

  it("is never silently insecure: without onInsecure it warns on the console, once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const transportFetch = await createTransportFetch({ tls: { insecure: true } });
      await (await transportFetch(`${server.url}/hello`)).text();
      await (await transportFetch(`${server.url}/hello`)).text();
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^purekit: TLS certificate verification is OFF/);
    } finally {
      warn.mockRestore();
    }
  });

  it("sends a POST with a JSON body", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const response = await transportFetch(`${server.url}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "vol1", provisioned: 1024 }),
    });
    expect(await response.json()).toEqual({
      method: "POST",
      contentType: "application/json",
      body: '{"name":"vol1","provisioned":1024}',
    });
  });

  it("takes a Request object as input, as openapi-fetch passes it", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const request = new Request(`${server.url}/echo`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "x-request-id": "abc" },
      body: '{"destroyed":true}',
    });
    const response = await transportFetch(request);
    expect(await response.json()).toEqual({
      method: "PATCH",
      contentType: "application/json",
      body: '{"destroyed":true}',
    });
  });

  it("serves openapi-fetch and its middleware, which check for a global Response", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    // biome-ignore lint/suspicious/noExplicitAny: no generated paths needed to prove the wiring
    const client = createClient<any>({ baseUrl: server.url, fetch: transportFetch });
    // openapi-fetch insists on `instanceof Response` where middleware hands a response back
    client.use({ onResponse: ({ response }) => response });
    const { data, response } = await client.GET("/hello", {});
    expect(response.status).toBe(200);
    expect(data).toEqual({ hello: "array" });
    const posted = await client.POST("/echo", { body: { names: ["a", "b"] } });
    expect(posted.data).toMatchObject({ method: "POST", body: '{"names":["a","b"]}' });
  });

  it("answers 204 and 304 with a null body", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const noContent = await transportFetch(`${server.url}/no-content`, { method: "DELETE" });
    expect(noContent).toBeInstanceOf(Response);
    expect(noContent.status).toBe(204);
    expect(noContent.body).toBeNull();
    expect(noContent.headers.get("x-request-id")).toBe("r1");
    const notModified = await transportFetch(`${server.url}/not-modified`);
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
  });

  it("follows a 307 redirect with the body again", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const response = await transportFetch(`${server.url}/moved`, { method: "POST", body: "again" });
    expect(response.redirected).toBe(true);
    expect(await response.json()).toMatchObject({ method: "POST", body: "again" });
  });

  it("leaves non-TLS network errors as they are (for the retry layer)", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const closed = await startHttpsServer(handler, certs);
    await closed.close();
    const error = await transportFetch(`${closed.url}/hello`).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PurekitError);
    expect(error).toBeInstanceOf(TypeError);
    expect(JSON.stringify((error as { cause?: { code?: string } }).cause?.code)).toMatch(/ECONNREFUSED/);
  });

  it("passes the caller's abort or timeout through unchanged", async () => {
    const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
    const error = await transportFetch(`${server.url}/slow`, { signal: AbortSignal.timeout(100) }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe("TimeoutError");
  });

  it.skipIf(process.platform !== "linux")(
    "names the certificate's names when the host is not one of them",
    async () => {
      // 127.0.0.2 is loopback on Linux, but the certificate names only localhost, 127.0.0.1 and ::1
      const elsewhere = await startHttpsServer(handler, certs, { host: "127.0.0.2" });
      try {
        const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
        const error = await purekitError(() => transportFetch(`${elsewhere.url}/hello`));
        expect(error.code).toBe("ERR_TLS");
        expect(error.message).toContain(
          `TLS verification of ${elsewhere.url} failed: the certificate does not name`,
        );
        expect(error.message).toContain("127.0.0.1");
      } finally {
        await elsewhere.close();
      }
    },
  );

  it("says when the URL is not an HTTPS port", async () => {
    const { createServer } = await import("node:http");
    const plain = createServer((_req, res) => res.end("plain http"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = plain.address() as { port: number };
      const transportFetch = await createTransportFetch({ tls: { ca: certs.caPem } });
      const error = await purekitError(() => transportFetch(`https://127.0.0.1:${port}/`));
      expect(error.code).toBe("ERR_TLS");
      expect(error.message).toMatch(/^TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: .*HTTPS port/);
    } finally {
      plain.closeAllConnections();
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});

describe("tls.ca validation", () => {
  const secretish = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC${"x".repeat(200)}`;

  it("refuses what is not a PEM certificate, without echoing it", async () => {
    const error = await purekitError(() => createTransportFetch({ tls: { ca: secretish } }));
    expect(error.code).toBe("ERR_TLS");
    expect(error.message).toMatch(
      /^tls.ca is not a PEM certificate: expected text starting with -----BEGIN CERTIFICATE/,
    );
    expect(error.message).not.toContain(secretish.slice(0, 20));
  });

  it("refuses a private key given as the CA, without echoing it", async () => {
    const error = await purekitError(() =>
      createTransportFetch({ tls: { ca: [certs.caPem, certs.keyPem] } }),
    );
    expect(error.code).toBe("ERR_TLS");
    expect(error.message).toMatch(/^tls.ca\[1\] holds a private key/);
    const keyBody = certs.keyPem.split("\n")[1]!;
    expect(error.message).not.toContain(keyBody.slice(0, 16));
  });

  it("says so when given a file name instead of the file's text", async () => {
    const error = await purekitError(() =>
      createTransportFetch({ tls: { ca: "/etc/purekit/array-ca.pem" } }),
    );
    expect(error.message).toMatch(/looks like a file name, not PEM text: read the file first/);
  });

  it("says so when the PEM is truncated or damaged", async () => {
    const truncated = certs.caPem.slice(0, 100);
    expect((await purekitError(() => createTransportFetch({ tls: { ca: truncated } }))).message).toMatch(
      /truncated/,
    );
    const damaged = certs.caPem.replace(/\n[A-Za-z0-9+/]{10}/, "\n!!!!!!!!!!");
    expect((await purekitError(() => createTransportFetch({ tls: { ca: damaged } }))).message).toMatch(
      /damaged/,
    );
  });

  it("wants insecure as a boolean", async () => {
    const error = await purekitError(() =>
      createTransportFetch({ tls: { insecure: "false" as unknown as boolean } }),
    );
    expect(error.code).toBe("ERR_INVALID_ARGUMENT");
  });
});
