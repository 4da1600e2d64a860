/**
 * The one reading of thrown fetch errors (runtime/network-errors.ts) that the retry policy,
 * the TLS error and the CLI share: errors shaped as undici (cause chains) and Deno
 * (messages) throw them, and real failures from loopback.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import {
  causeChain,
  describeNetworkError,
  networkErrorKind,
  tlsFailureOf,
} from "../../runtime/network-errors.ts";
import { classifyError } from "../../runtime/retry.ts";

const undici = (cause: object) => new TypeError("fetch failed", { cause });

describe("networkErrorKind (the retry policy's classifyError)", () => {
  it("a refused connection, on Node (a code, also two causes deep) and on Deno (the message)", () => {
    expect(networkErrorKind(undici({ code: "ECONNREFUSED" }))).toBe("connection-refused");
    expect(
      networkErrorKind(
        undici(Object.assign(new Error("connect failed"), { cause: { code: "ECONNREFUSED" } })),
      ),
    ).toBe("connection-refused");
    expect(networkErrorKind(new TypeError("tcp connect error: Connection refused (os error 111)"))).toBe(
      "connection-refused",
    );
    expect(
      networkErrorKind(
        new TypeError(
          "No connection could be made because the target machine actively refused it. (os error 10061)",
        ),
      ),
    ).toBe("connection-refused");
  });

  it("other network failures; aborts, timeouts and non-network errors are none", () => {
    expect(networkErrorKind(undici({ code: "ECONNRESET" }))).toBe("network");
    expect(networkErrorKind(new Error("read ECONNRESET"))).toBe("network");
    expect(networkErrorKind(new Error("other side closed"))).toBe("network");
    expect(networkErrorKind(new TypeError("anything fetch throws"))).toBe("network");
    expect(networkErrorKind(new DOMException("stop", "AbortError"))).toBeNull();
    expect(networkErrorKind(new DOMException("late", "TimeoutError"))).toBeNull();
    expect(networkErrorKind(new RangeError("a bug"))).toBeNull();
    expect(networkErrorKind(undefined)).toBeNull();
  });

  it("is what retry.ts classifies with", () => {
    for (const error of [undici({ code: "ECONNREFUSED" }), undici({ code: "EPIPE" }), new Error("x")]) {
      expect(classifyError(error)).toBe(networkErrorKind(error));
    }
  });
});

describe("describeNetworkError (the CLI's Cannot reach …)", () => {
  it("the innermost code, in words", () => {
    expect(describeNetworkError(undici({ code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND x" }))).toEqual({
      code: "ENOTFOUND",
      message: "getaddrinfo ENOTFOUND x",
      words: "unknown host (DNS lookup failed)",
    });
    const deep = undici(
      Object.assign(new Error("socket"), { code: "UND_ERR_SOCKET", cause: { code: "ECONNRESET" } }),
    );
    expect(describeNetworkError(deep)).toMatchObject({ code: "ECONNRESET", words: "connection reset" });
  });

  it("Deno's and fetch's messages, in words; anything else as its first line, without words", () => {
    expect(describeNetworkError(new TypeError("bad port"))).toMatchObject({
      words: expect.stringMatching(/port is blocked/),
    });
    expect(
      describeNetworkError(
        new TypeError("error sending request: dns error: failed to lookup address information"),
      ),
    ).toMatchObject({ words: "unknown host (DNS lookup failed)" });
    expect(describeNetworkError(new Error("first line\nsecond line"))).toEqual({ message: "first line" });
    expect(describeNetworkError("a string")).toEqual({ message: "a string" });
  });

  it("reads a real refused connection on loopback", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(networkErrorKind(error)).toBe("connection-refused");
    expect(describeNetworkError(error)).toMatchObject({
      code: "ECONNREFUSED",
      words: "connection refused (nothing listens on that port)",
    });
  });
});

describe("causeChain and tlsFailureOf", () => {
  it("walks causes, at most 8, stopping at a primitive", () => {
    let error: { cause?: unknown } = { cause: "root" };
    for (let i = 0; i < 20; i++) error = { cause: error };
    expect(causeChain(error)).toHaveLength(8);
    expect(causeChain(new Error("a", { cause: "b" }))).toHaveLength(2);
  });

  it("a TLS failure is not a network failure in words, and the other way round", () => {
    const tls = undici({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect(tlsFailureOf(tls)).toEqual({
      kind: "unknown-ca",
      reason: "the array presents a self-signed certificate",
    });
    expect(describeNetworkError(tls).words).toBeUndefined();
    expect(tlsFailureOf(undici({ code: "ECONNREFUSED" }))).toBeUndefined();
  });
});
