/**
 * Pure1's quoting: parameters the spec marks `x-quoted` (names, ids, continuation_token…)
 * carry their strings in single quotes; real Pure1 answers 400 "String literals must be
 * enclosed in single (') quotes" otherwise. The runtime quotes them, the mock refuses
 * what Pure1 refuses.
 */
import { describe, expect, it } from "vitest";
import { createPure1Mock } from "../../mock/index.ts";
import { generateRsaKeyPair } from "../../runtime/keys/index.ts";
import { createPure1Client } from "../../runtime/pure1.ts";
import { quoteLiteral, serializeQuery } from "../../runtime/query.ts";

describe("quoting rule", () => {
  it("wraps strings in single quotes and escapes backslash and quote; never quotes twice", () => {
    expect(quoteLiteral("array-1")).toBe("'array-1'");
    expect(quoteLiteral("it's")).toBe("'it\\'s'");
    expect(quoteLiteral("a\\b")).toBe("'a\\\\b'");
    expect(quoteLiteral("'already'")).toBe("'already'");
    expect(quoteLiteral("'half")).toBe("'\\'half'");
    expect(quoteLiteral("")).toBe("''");
  });

  it("quotes only the named parameters, each list element, and only strings", () => {
    const q = serializeQuery(
      { names: ["a", "b,c"], limit: 10, continuation_token: "t0k", filter: "name='x'" },
      new Set(["names", "continuation_token", "limit"]),
    );
    expect(q).toBe(
      `names=${encodeURIComponent("'a'")},${encodeURIComponent("'b,c'")}&limit=10&continuation_token=${encodeURIComponent("'t0k'")}&filter=${encodeURIComponent("name='x'")}`,
    );
  });
});

describe("Pure1 mock and client", async () => {
  const appId = "pure1:apikey:quotingTests";
  const keys = await generateRsaKeyPair();
  const mock = createPure1Mock({ apps: [{ appId, publicKey: keys.publicKeyPem }] });
  await mock.ready;

  it("the mock refuses an unquoted x-quoted value with Pure1's 400 and accepts the quoted one", async () => {
    const p1 = await createPure1Client({
      baseUrl: mock.baseUrl,
      auth: { appId, privateKey: keys.privateKeyPem },
      fetch: mock.fetch,
    });
    const seen: string[] = [];
    p1.use({ onRequest: ({ request }) => void seen.push(request.url) });
    const first = (await p1.getArrays({ limit: 1 })).items?.[0];
    expect(first?.name).toBeTruthy();
    // The client quoted the name on the wire…
    const byName = await p1.getArrays({ names: [first!.name!] });
    expect(byName.items?.map((a) => a.name)).toEqual([first!.name]);
    // (the URL parser percent-encodes the quote in a query: %27, which the array decodes)
    expect(seen.at(-1)).toContain(`names=%27${first!.name}%27`);
    // …and a raw unquoted request is refused as Pure1 refuses it.
    const raw = await p1.GET("/arrays", {
      params: { query: { names: [first!.name!] } },
      // A serializer that does not quote, as the official SDKs' users hit it.
      querySerializer: (q: Record<string, unknown>) =>
        `names=${encodeURIComponent(String((q.names as string[])[0]))}`,
    } as never);
    expect(raw.error?.status).toBe(400);
    expect(raw.error?.message).toContain("String literals must be enclosed in single (') quotes");
    await p1.close();
  });

  it("pages with quoted continuation tokens to the end", async () => {
    const p1 = await createPure1Client({
      baseUrl: mock.baseUrl,
      auth: { appId, privateKey: keys.privateKeyPem },
      fetch: mock.fetch,
    });
    const all: string[] = [];
    for await (const a of p1.paginate("/arrays", { params: { query: { limit: 1 } } }))
      all.push(String(a.name));
    const whole = await p1.getArrays({});
    expect(all).toEqual(whole.items?.map((a) => String(a.name)));
    expect(all.length).toBeGreaterThan(1);
    await p1.close();
  });
});
