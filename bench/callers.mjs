/**
 * The clients that bench/all.ts compares (figures 1–4), in plain JavaScript so that both
 * the tsx bench process (figures 1–3) and the plain-node fresh processes of figure 4
 * (bench/cold.mjs) run the same code. Types: callers.d.mts.
 *
 * Every side but purekit sends the version list and login in its set-up, then GETs the
 * volumes with the headers purekit sent; every call throws unless it got the three volumes.
 */
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** What the trivial array (bench/client-latency.ts) accepts; throwaway values for a loopback bench. */
export const API_TOKEN = "bench-api-token-not-a-secret";
export const SESSION = "bench-session-not-a-secret";
export const VERSION = "2.56";

function check(side, status, body) {
  if (status !== 200 || body?.items?.length !== 3) throw new Error(`${side}: unexpected answer ${status}`);
}

/** purekit's FlashArray client, from whichever build `createFlashArrayClient` comes from. */
export async function purekitCaller(createFlashArrayClient, url, caPem) {
  const fa = await createFlashArrayClient({
    host: url,
    auth: { apiToken: API_TOKEN },
    tls: { ca: caPem },
    proxy: false,
    version: VERSION,
  });
  return {
    call: async () => {
      const { data, response } = await fa.GET("/volumes");
      check("purekit", response.status, data);
    },
    close: () => fa.close(),
  };
}

/** Raw undici fetch with an Agent carrying the same CA. */
export async function fetchCaller(url, caPem, headers) {
  const { Agent, fetch } = await import("undici");
  const dispatcher = new Agent({ connect: { ca: caPem, rejectUnauthorized: true } });
  await (await fetch(`${url}/api/api_version`, { dispatcher })).arrayBuffer();
  const login = await fetch(`${url}/api/${VERSION}/login`, {
    method: "POST",
    headers: { "api-token": API_TOKEN },
    dispatcher,
  });
  await login.arrayBuffer();
  if (login.headers.get("x-auth-token") !== SESSION) throw new Error("fetch: login failed");
  const target = `${url}/api/${VERSION}/volumes`;
  return {
    call: async () => {
      const res = await fetch(target, { headers, dispatcher });
      check("fetch", res.status, await res.json());
    },
    close: () => dispatcher.close(),
  };
}

/** undici's `request`: no Request, Response, Headers or web stream (the floor of an undici client). */
export async function requestCaller(url, caPem, headers) {
  const { Agent, request } = await import("undici");
  const dispatcher = new Agent({ connect: { ca: caPem } });
  await (await request(`${url}/api/api_version`, { dispatcher })).body.arrayBuffer();
  const login = await request(`${url}/api/${VERSION}/login`, {
    method: "POST",
    headers: { "api-token": API_TOKEN },
    dispatcher,
  });
  await login.body.arrayBuffer();
  if (login.headers["x-auth-token"] !== SESSION) throw new Error("request: login failed");
  const target = `${url}/api/${VERSION}/volumes`;
  const flat = headers.flat();
  return {
    call: async () => {
      const res = await request(target, { headers: flat, dispatcher });
      check("request", res.statusCode, await res.body.json());
    },
    close: () => dispatcher.close(),
  };
}

/** node:https with a keep-alive Agent: Node's own client. */
export async function httpsCaller(url, caPem, headers) {
  const agent = new HttpsAgent({ keepAlive: true, ca: caPem });
  const send = (method, path, extra) =>
    new Promise((resolve, reject) => {
      const req = httpsRequest(`${url}${path}`, { method, agent, headers: extra }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  await send("GET", "/api/api_version", {});
  const login = await send("POST", `/api/${VERSION}/login`, { "api-token": API_TOKEN });
  if (login.headers["x-auth-token"] !== SESSION) throw new Error("https: login failed");
  const path = `/api/${VERSION}/volumes`;
  const flat = Object.fromEntries(headers);
  return {
    call: async () => {
      const res = await send("GET", path, flat);
      check("https", res.status, JSON.parse(res.body.toString("utf8")));
    },
    close: async () => agent.destroy(),
  };
}
