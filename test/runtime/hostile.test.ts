/**
 * Attacks on the client from a hostile server on 127.0.0.1 (issue 9): redirects that would
 * carry credentials or bodies to another origin, answers that never end or stall, secrets
 * echoed in odd error fields, pagination that never ends, `null` where an object belongs.
 * Each test fails on a client that follows the transport's defaults.
 */
import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "../../mock/tls/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import { type Logger, PureApiError, type PurekitError } from "../../runtime/index.ts";
import { createPure1Client } from "../../runtime/pure1.ts";
import { failure } from "../helpers/logs.ts";
import {
  type RecordingHandler,
  type RecordingServer,
  type Seen,
  serveRecording,
} from "../helpers/recording.ts";

// ---------------------------------------------------------------- a scriptable server

interface TestServer extends RecordingServer {
  host: string;
}

const open: TestServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A recording server (HTTPS with certificates) closed after each test; `host` for the client. */
async function serve(handler: RecordingHandler, certs?: SelfSignedCertificate): Promise<TestServer> {
  const recording = await serveRecording(handler, certs);
  const server: TestServer = { ...recording, host: recording.origin };
  open.push(server);
  return server;
}

/** Answers `status` with a Location header and no body. */
function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location }).end();
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

const API_TOKEN = "0d9f8e7c-hostile-api-token-4321";
const SESSION = "session-hostile-7c1e9a44b2d04f0f8e5b";
const PASSWORD = "Sup3r-S3cret-Passw0rd!";
const VERSIONS = { version: ["1.19", "2.38"] };
const quiet: Logger = {};
const fast = { retry: { retries: 0 }, logger: quiet, timeoutMs: 5_000 };

/** An ID token (JWT shape, far-future exp): exchanged as is, never verified by the client. */
function idToken(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iss: "x", exp: 4_102_444_800 })}.c2lnbmF0dXJl`;
}

/** A server that answers api_version (1.19 and 2.38) and hands every other request to `rest`. */
function versioned(rest: RecordingHandler): RecordingHandler {
  return (req, res, raw) =>
    req.path === "/api/api_version" ? json(res, 200, VERSIONS) : rest(req, res, raw);
}

/** An array that answers api_version and login, then hands data calls to `data`. */
function array(data: RecordingHandler = (_r, res) => json(res, 200, { items: [] })): RecordingHandler {
  return versioned((req, res, raw) => {
    if (req.path === "/api/2.38/login") return json(res, 200, { items: [{}] }, { "x-auth-token": SESSION });
    if (req.path === "/api/2.38/logout") return json(res, 200, {});
    return data(req, res, raw);
  });
}

type ClientOptions = Parameters<typeof createFlashArrayClient>[0];

/** Options for a client of `server`: the API token and {@link fast}, which `extra` adds to or overrides. */
function optionsFor(server: TestServer, extra: Partial<ClientOptions> = {}): ClientOptions {
  return { host: server.host, auth: { apiToken: API_TOKEN }, ...fast, ...extra };
}

/** The failure of the first data call (logins happen then) of a client made with `options`. */
async function firstCallFailure(
  options: Parameters<typeof createFlashArrayClient>[0],
): Promise<PurekitError> {
  const fa = await createFlashArrayClient(options);
  try {
    return await failure(fa.getVolumes());
  } finally {
    await fa.close();
  }
}

/** Every way an error reaches a person or a log. */
function shown(e: unknown): string {
  return [JSON.stringify(e), inspect(e, { depth: 20 }), String((e as Error).stack)].join("\n");
}

let certs: SelfSignedCertificate;
const getCerts = async () => {
  certs ??= await createSelfSignedCertificate();
  return certs;
};

// ---------------------------------------------------------------- 1. redirects

describe("redirects to another origin are never followed with credentials or a body", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`login (api-token header) answered ${status} to another port: ERR_REDIRECT, nothing reaches it`, async () => {
      const elsewhere = await serve((_r, res) => json(res, 200, { items: [] }, { "x-auth-token": "stolen" }));
      const a = await serve(
        versioned((_req, res) => redirect(res, status, `${elsewhere.origin}/api/2.38/login?x=1`)),
      );
      const e = await firstCallFailure(optionsFor(a));
      expect(e.code).toBe("ERR_REDIRECT");
      expect(e.message).toContain(`HTTP ${status}`);
      expect(e.message).toContain(elsewhere.origin);
      expect(e.message).not.toContain("x=1");
      expect(e.message).toMatch(/array's address|proxy or load balancer/);
      expect(elsewhere.seen).toEqual([]);
      expect(shown(e)).not.toContain(API_TOKEN);
    });
  }

  it("REST 1.x auth/apitoken (password body) redirected 307 and 308: the password goes nowhere else", async () => {
    for (const status of [307, 308]) {
      const elsewhere = await serve((_r, res) => json(res, 200, { api_token: "stolen" }));
      const a = await serve(versioned((req, res) => redirect(res, status, `${elsewhere.origin}${req.path}`)));
      const e = await firstCallFailure(optionsFor(a, { auth: { username: "pureuser", password: PASSWORD } }));
      expect(e.code).toBe("ERR_REDIRECT");
      expect(a.seen.at(-1)?.path).toBe("/api/1.19/auth/apitoken");
      expect(elsewhere.seen).toEqual([]);
      expect(shown(e)).not.toContain(PASSWORD);
    }
  });

  it("the OAuth2 token exchange (JWT body) redirected 307: the JWT goes nowhere else", async () => {
    const elsewhere = await serve((_r, res) => json(res, 200, { access_token: "stolen" }));
    const a = await serve(
      versioned((_req, res) => redirect(res, 307, `${elsewhere.origin}/oauth2/1.0/token`)),
    );
    const fa = await createFlashArrayClient(optionsFor(a, { auth: { idToken: idToken() } }));
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_REDIRECT");
    expect(a.seen.at(-1)).toMatchObject({ method: "POST", path: "/oauth2/1.0/token" });
    expect(elsewhere.seen).toEqual([]);
    await fa.close();
  });

  it("Pure1's token exchange redirected to another origin is refused too", async () => {
    const elsewhere = await serve((_r, res) => json(res, 200, { access_token: "stolen" }));
    const a = await serve((_req, res) => redirect(res, 308, `${elsewhere.origin}/oauth2/1.0/token`));
    const p1 = await createPure1Client({ baseUrl: a.origin, auth: { idToken: idToken() }, ...fast });
    const e = await failure(p1.GET("/arrays"));
    expect(e.code).toBe("ERR_REDIRECT");
    expect(elsewhere.seen).toEqual([]);
    await p1.close();
  });

  it("a data call (x-auth-token) redirected 302 to another host name: refused, the session stays home", async () => {
    const elsewhere = await serve((_r, res) => json(res, 200, { items: [] }));
    const a = await serve(
      array((_req, res) => {
        // localhost is another origin than 127.0.0.1, even on the same port.
        redirect(res, 302, `http://localhost:${elsewhere.port}/api/2.38/volumes`);
      }),
    );
    const fa = await createFlashArrayClient(optionsFor(a));
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_REDIRECT");
    expect(e.message).toContain(`http://localhost:${elsewhere.port}`);
    expect(elsewhere.seen).toEqual([]);
    await fa.close();
  });

  it("with tls.ca (undici Agent): an HTTPS→HTTP redirect of the login is refused, naming the downgrade", async () => {
    const tls = await getCerts();
    const plain = await serve((_r, res) => json(res, 200, { items: [] }, { "x-auth-token": "stolen" }));
    const a = await serve(
      versioned((req, res) => redirect(res, 307, `${plain.origin}${req.path}`)),
      tls,
    );
    const e = await firstCallFailure(optionsFor(a, { tls: { ca: tls.caPem } }));
    expect(e.code).toBe("ERR_REDIRECT");
    expect(e.message).toMatch(/HTTPS to plain HTTP/);
    expect(plain.seen).toEqual([]);
  });

  it("with tls.ca: a password POST redirected 308 to another HTTPS origin is refused, body kept home", async () => {
    const tls = await getCerts();
    const other = await serve((_r, res) => json(res, 200, { api_token: "stolen" }), tls);
    const a = await serve(
      versioned((req, res) => redirect(res, 308, `https://localhost:${other.port}${req.path}`)),
      tls,
    );
    const e = await firstCallFailure(
      optionsFor(a, { auth: { username: "pureuser", password: PASSWORD }, tls: { ca: tls.caPem } }),
    );
    expect(e.code).toBe("ERR_REDIRECT");
    expect(other.seen).toEqual([]);
  });

  it("a redirect loop on one origin ends with ERR_REDIRECT", async () => {
    const a = await serve(array((req, res) => redirect(res, 302, req.path)));
    const fa = await createFlashArrayClient(optionsFor(a));
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_REDIRECT");
    expect(e.message).toMatch(/more than 20 times/);
    await fa.close();
  });
});

describe("same-origin redirects are followed", () => {
  const volumes = (req: Seen, res: ServerResponse) => {
    if (req.path.startsWith("/api/2.38/volumes?")) {
      return redirect(res, 307, `/api/2.38/volumes-moved${req.path.slice("/api/2.38/volumes".length)}`);
    }
    if (req.path.startsWith("/api/2.38/volumes-moved"))
      return json(res, 200, { items: [JSON.parse(req.body)] });
    json(res, 404, { errors: [{ message: "no" }] });
  };

  it("a 307 POST is replayed with the same body and credentials (global fetch; was 'detached ArrayBuffer')", async () => {
    const a = await serve(array(volumes));
    const fa = await createFlashArrayClient(optionsFor(a));
    const { data, error } = await fa.POST("/volumes", {
      params: { query: { names: ["v1"] } },
      body: { provisioned: 1024 },
    });
    expect(error).toBeUndefined();
    expect(data?.items?.[0]).toEqual({ provisioned: 1024 });
    const [first, second] = a.seen.filter((r) => r.path.includes("/volumes"));
    expect(second?.method).toBe("POST");
    expect(second?.body).toBe(first?.body);
    expect(second?.headers["x-auth-token"]).toBe(SESSION);
    expect(second?.headers["x-request-id"]).toBe(first?.headers["x-request-id"]);
    await fa.close();
  });

  it("a 307 POST is replayed with the same body over tls.ca (undici Agent)", async () => {
    const tls = await getCerts();
    const a = await serve(array(volumes), tls);
    const fa = await createFlashArrayClient(optionsFor(a, { tls: { ca: tls.caPem } }));
    const { data, error } = await fa.POST("/volumes", {
      params: { query: { names: ["v1"] } },
      body: { provisioned: 2048 },
    });
    expect(error).toBeUndefined();
    expect(data?.items?.[0]).toEqual({ provisioned: 2048 });
    await fa.close();
  });

  it("a 303 after a POST becomes a GET without the body", async () => {
    const a = await serve(
      array((req, res) => {
        if (req.method === "POST") {
          return redirect(res, 303, "/api/2.38/volumes?names=v1");
        }
        json(res, 200, { items: [{ name: "v1", method: req.method, body: req.body }] });
      }),
    );
    const fa = await createFlashArrayClient(optionsFor(a));
    const { data } = await fa.POST("/volumes", {
      params: { query: { names: ["v1"] } },
      body: { provisioned: 1 },
    });
    expect(data?.items?.[0]).toMatchObject({ method: "GET", body: "" });
    await fa.close();
  });
});

// ---------------------------------------------------------------- 3. answer sizes, 6. stalls

/** Writes 64 KiB chunks until the client hangs up (a server that never stops talking). */
function endless(res: ServerResponse, status: number, sent: { bytes: number }): void {
  res.writeHead(status, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let open = true;
  res.on("close", () => {
    open = false;
  });
  const pump = () => {
    while (open && sent.bytes < 4 * 1024 ** 3) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
  };
  res.write("[");
  pump();
}

const MiB = 1024 * 1024;

describe("answers are bounded (maxResponseBytes, error bodies, stalls)", () => {
  it("an endless 200 answer ends with ERR_RESPONSE_TOO_LARGE after maxResponseBytes, and the connection is dropped", async () => {
    const sent = { bytes: 0 };
    const a = await serve(array((_req, res) => endless(res, 200, sent)));
    const fa = await createFlashArrayClient(optionsFor(a, { maxResponseBytes: MiB }));
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_RESPONSE_TOO_LARGE");
    expect(e.message).toContain("maxResponseBytes");
    // Bounded: the server got to write little beyond the limit before the client hung up.
    expect(sent.bytes).toBeLessThan(64 * MiB);
    await fa.close();
  });

  it("an endless api_version answer during client creation is ERR_RESPONSE_TOO_LARGE", async () => {
    const sent = { bytes: 0 };
    const a = await serve((_req, res) => endless(res, 200, sent));
    const e = await failure(createFlashArrayClient(optionsFor(a, { maxResponseBytes: MiB })));
    expect(e.code).toBe("ERR_RESPONSE_TOO_LARGE");
  });

  it("a Content-Length above the limit fails before the body is read", async () => {
    const a = await serve(
      array((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": String(2 * MiB) });
        res.write("{");
      }),
    );
    const fa = await createFlashArrayClient(optionsFor(a, { maxResponseBytes: MiB }));
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_RESPONSE_TOO_LARGE");
    expect(e.message).toContain(String(2 * MiB));
    await fa.close();
  });

  it("an endless error answer is read only a few KB: a PureApiError with its status, at once", async () => {
    const sent = { bytes: 0 };
    const a = await serve(array((_req, res) => endless(res, 400, sent)));
    const fa = await createFlashArrayClient(optionsFor(a));
    const { error } = await fa.GET("/volumes");
    expect(error).toBeInstanceOf(PureApiError);
    expect(error?.status).toBe(400);
    expect(error?.body?.length ?? 0).toBeLessThanOrEqual(2000);
    expect(sent.bytes).toBeLessThan(64 * MiB);
    await fa.close();
  });

  it("rejects a maxResponseBytes that is not a positive whole number", async () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = await failure(
        createFlashArrayClient({ host: "127.0.0.1:1", auth: { apiToken: API_TOKEN }, maxResponseBytes: bad }),
      );
      expect(e.code).toBe("ERR_INVALID_ARGUMENT");
    }
  });

  /** The failure of a data call answered `status` with a body that begins (`start`) and then stalls. */
  async function stalled(status: number, start: string): Promise<PurekitError> {
    const a = await serve(
      array((_req, res) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.write(start);
      }),
    );
    const fa = await createFlashArrayClient(optionsFor(a, { timeoutMs: 300 }));
    try {
      return await failure(fa.getVolumes());
    } finally {
      await fa.close();
    }
  }

  it("a 500 whose body stalls is ERR_TIMEOUT, not an untyped 'Body is unusable'", async () => {
    const e = await stalled(500, '{"errors": [');
    expect(e.code).toBe("ERR_TIMEOUT");
    expect(e.message).toMatch(/body did not arrive/);
  });

  it("a 200 whose body stalls is ERR_TIMEOUT", async () => {
    expect((await stalled(200, '{"items": [')).code).toBe("ERR_TIMEOUT");
  });
});

// ---------------------------------------------------------------- 4. secrets in any error field

describe("no secret in any field of an error", () => {
  const NEW_PASSWORD = "N3w-Admin-Passw0rd-echoed";

  it("tokens in location_context, unknown and nested fields, and echoed body secrets are redacted", async () => {
    const a = await serve(
      array((req, res) =>
        json(res, 400, {
          errors: [
            {
              message: `bad request from ${SESSION}`,
              context: "v1",
              location_context: `session ${SESSION}`,
              echoed: req.body,
              deep: { deeper: [API_TOKEN, { token: "short" }], [`key-${SESSION}`]: 1 },
            },
          ],
        }),
      ),
    );
    const fa = await createFlashArrayClient(optionsFor(a));
    const { error } = await fa.POST("/volumes", {
      params: { query: { names: ["v1"] } },
      body: {
        provisioned: 1,
        password: NEW_PASSWORD,
        nested: { api_token: "Nested-Api-Token-123" },
      } as never,
    });
    expect(error).toBeInstanceOf(PureApiError);
    const text = shown(error);
    for (const secret of [SESSION, API_TOKEN, NEW_PASSWORD, "Nested-Api-Token-123"]) {
      expect(text).not.toContain(secret);
    }
    expect(error?.errors[0]?.context).toBe("v1");
    expect(text).toContain("[REDACTED]");
    await fa.close();
  });

  it("a text error body echoing a form-encoded subject_token does not show it", async () => {
    const a = await serve(
      versioned(
        (req, res) => void res.writeHead(400, { "content-type": "text/plain" }).end(`you sent: ${req.body}`),
      ),
    );
    const token = idToken();
    const fa = await createFlashArrayClient(optionsFor(a, { auth: { idToken: token } }));
    const e = await failure(fa.getVolumes());
    expect(e.code).toBe("ERR_AUTH");
    expect(shown(e)).not.toContain(token);
    expect(shown(e)).not.toContain(token.split(".")[1]);
    await fa.close();
  });
});

// ---------------------------------------------------------------- 6. null where an object belongs

describe("answers of the wrong shape are typed errors", () => {
  it("auth/apitoken answering JSON null: ERR_BAD_RESPONSE, not a TypeError", async () => {
    const a = await serve(versioned((_req, res) => json(res, 200, null)));
    const e = await firstCallFailure(optionsFor(a, { auth: { username: "pureuser", password: PASSWORD } }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
    expect(e.message).toMatch(/not an object \(null\)/);
  });

  it("the token exchange answering JSON null, or an array: ERR_BAD_RESPONSE", async () => {
    for (const answer of [null, [], 42]) {
      const a = await serve(versioned((_req, res) => json(res, 200, answer)));
      const e = await firstCallFailure(optionsFor(a, { auth: { idToken: idToken() } }));
      expect(e.code).toBe("ERR_BAD_RESPONSE");
    }
  });

  it("a refusal whose errors is not a list is still ERR_AUTH with the status", async () => {
    const a = await serve(versioned((_req, res) => json(res, 401, { errors: "nope", message: 7 })));
    const e = await firstCallFailure(optionsFor(a));
    expect(e.code).toBe("ERR_AUTH");
    expect(e.message).toContain("HTTP 401");
  });
});

// ---------------------------------------------------------------- 5. pagination that never ends

describe("pagination always ends", () => {
  async function collect(answer: (req: Seen, n: number) => unknown): Promise<PurekitError> {
    let n = 0;
    const a = await serve(
      array((req, res) => {
        // A runaway loop fails here instead of hanging the suite.
        if (++n > 1000) return json(res, 500, { errors: [{ message: "runaway" }] });
        json(res, 200, answer(req, n));
      }),
    );
    const fa = await createFlashArrayClient(optionsFor(a));
    try {
      const e = await failure(
        (async () => {
          for await (const _ of fa.paginate("/volumes", { params: { query: { limit: 1 } } })) {
            // drain
          }
        })(),
      );
      expect(n).toBeLessThan(10);
      return e;
    } finally {
      await fa.close();
    }
  }

  it("a repeated continuation token: ERR_BAD_RESPONSE after the first repeat", async () => {
    const e = await collect(() => ({
      items: [{ name: "v" }],
      continuation_token: "same",
      more_items_remaining: true,
    }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
    expect(e.message).toMatch(/already given/);
  });

  it("alternating continuation tokens: ERR_BAD_RESPONSE", async () => {
    const e = await collect((_r, n) => ({
      items: [{ name: `v${n}` }],
      continuation_token: n % 2 ? "A" : "B",
    }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
  });

  it("more_items_remaining: true with no token and the same items at every offset: ERR_BAD_RESPONSE", async () => {
    const e = await collect(() => ({ items: [{ name: "v" }], more_items_remaining: true }));
    expect(e.code).toBe("ERR_BAD_RESPONSE");
    expect(e.message).toMatch(/same items/);
  });

  it("takes the token from the x-next-token header when the body has none", async () => {
    const a = await serve(
      array((req, res) => {
        if (req.path.includes("continuation_token=t2")) return json(res, 200, { items: [{ name: "b" }] });
        json(res, 200, { items: [{ name: "a" }], more_items_remaining: true }, { "x-next-token": "t2" });
      }),
    );
    const fa = await createFlashArrayClient(optionsFor(a));
    const names: unknown[] = [];
    for await (const v of fa.paginate("/volumes", { params: { query: { limit: 1 } } })) names.push(v.name);
    expect(names).toEqual(["a", "b"]);
    await fa.close();
  });
});

// ---------------------------------------------------------------- 7. verification off by environment

describe("NODE_TLS_REJECT_UNAUTHORIZED=0 with no tls option", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("warns once per client, as tls.insecure does; not when it is unset", async () => {
    const a = await serve(array());
    const warnings: string[] = [];
    const logger: Logger = { warn: (m) => warnings.push(m) };
    vi.stubEnv("NODE_TLS_REJECT_UNAUTHORIZED", "0");
    const fa = await createFlashArrayClient(optionsFor(a, { logger }));
    await fa.getVolumes();
    await fa.getVolumes();
    expect(warnings.filter((w) => w.includes("NODE_TLS_REJECT_UNAUTHORIZED"))).toHaveLength(1);
    expect(warnings[0]).toMatch(/verification is OFF.*tls\.ca/);
    await fa.close();
    vi.unstubAllEnvs();
    warnings.length = 0;
    const quietClient = await createFlashArrayClient(optionsFor(a, { logger }));
    expect(warnings).toEqual([]);
    await quietClient.close();
  });
});
