/**
 * The same mock as msw request handlers: installed with msw's `setupServer`, the
 * global fetch reaches it — for users whose code under test calls fetch directly.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlashBladeMock } from "../../mock/index.ts";

describe("array.handlers with msw setupServer", () => {
  const fb = createFlashBladeMock({ seed: { "file-systems": 4 } });
  const server = setupServer(...fb.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("answers the global fetch", async () => {
    const login = await fetch(`${fb.baseUrl}/api/login`, {
      method: "POST",
      headers: { "api-token": fb.apiToken },
    });
    expect(login.status).toBe(200);
    const res = await fetch(`${fb.baseUrl}/api/2.28/file-systems`, {
      headers: { "x-auth-token": login.headers.get("x-auth-token") as string },
    });
    const body = (await res.json()) as { items: { name: string }[] };
    expect(body.items.map((i) => i.name)).toEqual(["fs-001", "fs-002", "fs-003", "fs-004"]);
  });

  it("the in-process fetch refuses other origins instead of going to the network", async () => {
    await expect(fb.fetch("https://elsewhere.example/api/api_version")).rejects.toThrow(
      /this mock serves https:\/\/flashblade\.mock/,
    );
  });
});
