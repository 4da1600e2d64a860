/**
 * Partial success: a 207 (or any answer with a non-empty `errors[]` beside its items) is
 * never dropped: results carry `errors`, friendly methods and `unwrap` throw a
 * PartialResultError holding the data, `paginate`/`pages` throw one after the last item
 * unless `allowErrors` or `onErrors` says the caller handles them.
 */

import { describe, expect, it } from "vitest";
import { createFlashArrayMock } from "../../mock/index.ts";
import { createFlashArrayClient } from "../../runtime/flasharray.ts";
import {
  PartialResultError,
  PureApiError,
  type PureErrorItem,
  type PurekitError,
} from "../../runtime/index.ts";

const array = createFlashArrayMock({ version: "2.56", seed: { volumes: 25 } });

/**
 * The mock's fetch, with `errors` added to chosen answers the way FlashArray reports
 * per-item failures (status 207, or 200 as some operations do).
 */
function partialFetch(
  choose: (url: URL, n: number) => { status: number; errors: PureErrorItem[] } | undefined,
) {
  let n = 0;
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await array.fetch(request);
    const url = new URL(request.url);
    if (!/\/volumes$/.test(url.pathname) || !response.ok) return response;
    const change = choose(url, n++);
    if (!change) return response;
    const body = (await response.json()) as Record<string, unknown>;
    return Response.json(
      { ...body, errors: change.errors },
      { status: change.status, headers: response.headers },
    );
  };
}

const held: PureErrorItem = { context: "vol-held", message: "Volume is held by a protection group." };
const exists: PureErrorItem = { context: "vol-exists", message: "Volume already exists." };

async function client(fetch: typeof globalThis.fetch) {
  return createFlashArrayClient({
    host: array.baseUrl,
    auth: { apiToken: array.apiToken },
    fetch,
    logger: {},
    retry: { retries: 0 },
  });
}

describe("207 partial success", () => {
  it("a typed call's result carries errors beside the data", async () => {
    const fa = await client(partialFetch(() => ({ status: 207, errors: [held] })));
    const result = await fa.GET("/volumes", { params: { query: { limit: 2 } } });
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(207);
    expect(result.data?.items).toHaveLength(2);
    expect(result.errors).toEqual([held]);
    await fa.close();
  });

  it("a plain answer has no errors field", async () => {
    const fa = await client(partialFetch(() => undefined));
    const result = await fa.GET("/volumes", { params: { query: { limit: 2 } } });
    expect("errors" in result).toBe(false);
    await fa.close();
  });

  it("friendly methods and unwrap throw a PartialResultError with the data, unless allowErrors", async () => {
    const fa = await client(partialFetch(() => ({ status: 207, errors: [held, exists] })));
    let thrown: unknown;
    try {
      await fa.getVolumes({ limit: 3 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PartialResultError);
    expect(thrown).toBeInstanceOf(PureApiError);
    const partial = thrown as PartialResultError<{ items: unknown[] }>;
    expect(partial.code).toBe("ERR_PARTIAL");
    expect(partial.status).toBe(207);
    expect(partial.errors.map((e) => e.context)).toEqual(["vol-held", "vol-exists"]);
    expect(partial.data?.items).toHaveLength(3);
    expect(partial.itemCount).toBe(3);
    expect(partial.message).toMatch(
      /2 errors beside the items \(vol-held: Volume is held.*; vol-exists: Volume already exists\.\)/,
    );
    expect(partial.message).toMatch(/allowErrors/);
    expect(partial.message).toMatch(/^GET \/api\/2\.56\/volumes\?limit=3 succeeded only in part/);
    expect(partial.request.method).toBe("GET");
    expect(partial.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const data = await fa.getVolumes({ limit: 3 }, { allowErrors: true });
    expect(data.items).toHaveLength(3);
    await expect(fa.unwrap(fa.GET("/volumes", { params: { query: { limit: 1 } } }))).rejects.toBeInstanceOf(
      PartialResultError,
    );
    const unwrapped = await fa.unwrap(fa.GET("/volumes", { params: { query: { limit: 1 } } }), {
      allowErrors: true,
    });
    expect(unwrapped.items).toHaveLength(1);
    await fa.close();
  });

  it("a 200 whose errors[] is not empty counts as partial too", async () => {
    const fa = await client(partialFetch(() => ({ status: 200, errors: [held] })));
    await expect(fa.getVolumes({ limit: 1 })).rejects.toMatchObject({ code: "ERR_PARTIAL", status: 200 });
    await fa.close();
  });

  it("paginate yields every item, then throws the errors of all pages", async () => {
    // Pages 2 and 3 (of 3) carry errors.
    const fa = await client(
      partialFetch((_url, n) =>
        n === 1 ? { status: 207, errors: [held] } : n === 2 ? { status: 207, errors: [exists] } : undefined,
      ),
    );
    const names: string[] = [];
    let thrown: unknown;
    try {
      for await (const v of fa.paginate("/volumes", { params: { query: { limit: 10 } } }))
        names.push(v.name ?? "");
    } catch (e) {
      thrown = e;
    }
    expect(names).toHaveLength(25);
    expect(thrown).toBeInstanceOf(PartialResultError);
    const partial = thrown as PartialResultError;
    expect(partial.errors.map((e) => e.context)).toEqual(["vol-held", "vol-exists"]);
    expect(partial.itemCount).toBe(25);
    expect(partial.data).toBeUndefined();
    expect(partial.message).toMatch(/^the listing of \/api\/2\.56\/volumes succeeded only in part: 2 errors/);
    await fa.close();
  });

  it("paginate and pages take onErrors (called per page) or allowErrors instead of throwing", async () => {
    const every = () => ({ status: 207, errors: [held] });
    const fa = await client(partialFetch(every));
    const seen: PureErrorItem[][] = [];
    let n = 0;
    for await (const _ of fa.paginate("/volumes", {
      params: { query: { limit: 10 } },
      onErrors: (e) => seen.push(e),
    }))
      n++;
    expect(n).toBe(25);
    expect(seen).toEqual([[held], [held], [held]]);
    let pages = 0;
    for await (const page of fa.pages("/volumes", { params: { query: { limit: 10 } }, allowErrors: true })) {
      pages++;
      expect((page as { errors?: unknown[] }).errors).toEqual([held]);
    }
    expect(pages).toBe(3);
    await expect(
      (async () => {
        for await (const _ of fa.pages("/volumes", { params: { query: { limit: 10 } } })) {
          /* drain */
        }
      })(),
    ).rejects.toMatchObject({ code: "ERR_PARTIAL" });
    await fa.close();
  });

  it("allowErrors and onErrors are checked", async () => {
    const fa = await client(partialFetch(() => undefined));
    await expect(fa.getVolumes({ limit: 1 }, { allowErrors: "yes" as never })).rejects.toThrow(
      /allowErrors must be true or false, got string/,
    );
    await expect(
      (async () => {
        for await (const _ of fa.paginate("/volumes", { onErrors: [] as never })) break;
      })(),
    ).rejects.toMatchObject({
      code: "ERR_INVALID_ARGUMENT",
      message: expect.stringMatching(/onErrors must be a function/),
    });
    await fa.close();
  });

  it("errors are redacted like every other error", async () => {
    const leak: PureErrorItem = { context: "x", message: `token ${array.apiToken} rejected` };
    const fa = await client(partialFetch(() => ({ status: 207, errors: [leak] })));
    const result = await fa.GET("/volumes", { params: { query: { limit: 1 } } });
    expect(result.errors?.[0]?.message).not.toContain(array.apiToken);
    const error = await fa.getVolumes({ limit: 1 }).catch((e: unknown) => e as PurekitError);
    expect((error as PurekitError).message).not.toContain(array.apiToken);
    await fa.close();
  });
});
