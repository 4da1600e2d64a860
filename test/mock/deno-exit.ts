/**
 * Run by deno-exit.test.ts under Deno: uses the mocks in-process (array.fetch on
 * msw's getResponse) and serves one with Deno.serve, then must exit by itself —
 * msw's Node interception would keep the process alive (BroadcastChannel, no unref).
 */

import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { createFlashArrayMock, createPure1Mock } from "../../mock/index.ts";
import { startDenoMockServer } from "../../mock/server/deno.ts";

const fa = createFlashArrayMock({ seed: { volumes: 30 } });
const login = await fa.fetch(`${fa.baseUrl}/api/2.56/login`, {
  method: "POST",
  headers: { "api-token": fa.apiToken },
});
const session = login.headers.get("x-auth-token") ?? "";
const page = await fa.fetch(`${fa.baseUrl}/api/2.56/volumes?limit=10`, {
  headers: { "x-auth-token": session },
});
const body = await page.json();
if (page.status !== 200 || body.items.length !== 10) throw new Error(`unexpected page ${page.status}`);

const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
const pure1 = createPure1Mock({
  apps: [{ appId: "pure1:apikey:deno", publicKey: await exportSPKI(publicKey) }],
});
const jwt = await new SignJWT({})
  .setProtectedHeader({ alg: "RS256", typ: "JWT" })
  .setIssuer("pure1:apikey:deno")
  .setIssuedAt()
  .setExpirationTime("5m")
  .sign(privateKey);
const token = await pure1.fetch(`${pure1.baseUrl}/oauth2/1.0/token`, {
  method: "POST",
  body: new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: jwt,
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
  }),
});
if (token.status !== 200) throw new Error(`token exchange failed: ${token.status} ${await token.text()}`);

const server = startDenoMockServer(fa, { port: 0 });
const overNetwork = await fetch(`${server.url}/api/2.56/volumes?limit=3`, {
  headers: { "x-auth-token": session },
});
const served = await overNetwork.json();
if (overNetwork.status !== 200 || served.items.length !== 3) throw new Error("Deno.serve mock failed");
fa.faults.add({ status: 503, times: 1 });
const fault = await fetch(`${server.url}/api/api_version`);
await fault.body?.cancel();
if (fault.status !== 503) throw new Error("fault not served");
await server.shutdown();

console.log(
  `deno ok: ${body.items.length} volumes in-process, ${served.items.length} over Deno.serve, token ${token.status}`,
);
