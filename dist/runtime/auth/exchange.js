/**
 * The auth calls themselves: REST 1.x API token from a password, session
 * login/logout, and the OAuth2 token exchange. Each turns a refusal into an
 * `ERR_AUTH` that says what was refused and what to do — with the array's own
 * message, redacted, and never the credential.
 */
import { PurekitError } from "../errors.js";
import { readText } from "../http.js";
import { compareVersions } from "../versions.js";
/** The JSON object of an answer; anything else (HTML, `null`, an array, a number) is ERR_BAD_RESPONSE. */
async function readJson(res, what, ctx) {
    const text = await readText(res, `${what} at ${ctx.origin}`);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        const kind = /^\s*</.test(text) ? "an HTML page" : "something that is not JSON";
        throw new PurekitError("ERR_BAD_RESPONSE", `${what} at ${ctx.origin} answered HTTP ${res.status} with ${kind}; is ${ctx.origin} the array's management address?`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new PurekitError("ERR_BAD_RESPONSE", `${what} at ${ctx.origin} answered HTTP ${res.status} with JSON that is not an object (${parsed === null ? "null" : Array.isArray(parsed) ? "an array" : typeof parsed}); is ${ctx.origin} the array's management address?`);
    }
    return parsed;
}
/** The words of an error answer: `errors[].message`, `error_description` or `message`, whatever shape it has. */
function wordsOf(body) {
    if (body === null || typeof body !== "object")
        return "";
    const b = body;
    const parts = Array.isArray(b.errors)
        ? b.errors.map((e) => (e && typeof e === "object" ? e.message : e))
        : [];
    const joined = parts.filter((m) => typeof m === "string" && m).join("; ");
    if (joined)
        return joined;
    for (const m of [b.error_description, b.message])
        if (typeof m === "string" && m)
            return m;
    return "";
}
/**
 * `<what> at <origin> was refused: HTTP <status> (<the array's own words>). <hint>`, the
 * words from `errors[].message` or `message`, redacted.
 */
async function refusal(res, ctx, what, hint) {
    // The pipeline read at most a few KB of it, within the attempt's timeout.
    const text = await res.text().catch(() => "");
    let message = "";
    try {
        message = wordsOf(JSON.parse(text));
    }
    catch {
        message = /^\s*</.test(text) ? "an HTML page instead of JSON" : text.slice(0, 200);
    }
    const why = ctx.secrets.redact(message);
    return `${what} at ${ctx.origin} was refused: HTTP ${res.status}${why ? ` (${why})` : ""}. ${hint}`;
}
async function fail(res, ctx, what, hint) {
    throw new PurekitError("ERR_AUTH", await refusal(res, ctx, what, hint));
}
/** Highest REST 1.x the array lists (the 1.x token call lives there); 1.19 when it lists none. */
export function highestRest1(versions) {
    const ones = versions.filter((v) => /^1\.\d+$/.test(v)).sort(compareVersions);
    return ones.at(-1) ?? "1.19";
}
/** REST 1.x `POST /api/1.N/auth/apitoken` with username and password → the user's API token. */
export async function apiTokenFromPassword(ctx, username, password) {
    const url = `${ctx.origin}/api/${highestRest1(ctx.apiVersions())}/auth/apitoken`;
    const res = await ctx.send(new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
    }));
    if (!res.ok) {
        await fail(res, ctx, `Getting an API token for user "${username}"`, "Check the username and password.");
    }
    const body = await readJson(res, "The REST 1.x API token call", ctx);
    const token = body.api_token;
    if (typeof token !== "string" || !token) {
        throw new PurekitError("ERR_BAD_RESPONSE", `The REST 1.x API token call at ${ctx.origin} answered without an api_token.`);
    }
    ctx.secrets.add(token);
    return token;
}
/** Login path: FlashBlade's is unversioned, FlashArray's carries the version. */
export function sessionPath(ctx, action) {
    return ctx.product === "flashblade" ? `/api/${action}` : `/api/${ctx.version()}/${action}`;
}
/** `POST …/login` with the `api-token` header → the session token from the `x-auth-token` answer header. */
export async function login(ctx, apiToken) {
    const res = await ctx.send(new Request(`${ctx.origin}${sessionPath(ctx, "login")}`, {
        method: "POST",
        headers: { "api-token": apiToken },
    }));
    if (!res.ok) {
        await fail(res, ctx, "Login with the API token", "Check the API token is valid and not expired (on the array: pureadmin list --api-token --expose), or that its user still exists.");
    }
    await res.body?.cancel();
    const session = res.headers.get("x-auth-token");
    if (!session) {
        throw new PurekitError("ERR_BAD_RESPONSE", `Login at ${ctx.origin} succeeded but the answer carried no x-auth-token header; is a proxy stripping it?`);
    }
    ctx.secrets.addTransient(session);
    return session;
}
/** `POST …/logout`; a failure is logged, not thrown (the session lapses anyway). */
export async function logout(ctx, session) {
    try {
        const res = await ctx.send(new Request(`${ctx.origin}${sessionPath(ctx, "logout")}`, {
            method: "POST",
            headers: { "x-auth-token": session },
        }));
        await res.body?.cancel();
        if (!res.ok)
            ctx.logger.debug?.(`logout at ${ctx.origin} answered HTTP ${res.status}`);
    }
    catch (e) {
        ctx.logger.debug?.(`logout at ${ctx.origin} failed: ${ctx.secrets.redact(String(e.message))}`);
    }
}
/** A refused exchange; `serverDate` lets the caller retry once with a corrected clock. */
export class ExchangeRefused extends PurekitError {
    status;
    serverDate;
    constructor(message, status, serverDate) {
        super("ERR_AUTH", message);
        this.status = status;
        this.serverDate = serverDate;
    }
}
/** OAuth2 token exchange at `POST /oauth2/1.0/token` (form-encoded, token-exchange grant). */
export async function exchangeToken(ctx, subjectToken, hint) {
    const body = new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: subjectToken,
        subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    });
    const res = await ctx.send(new Request(`${ctx.origin}/oauth2/1.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
    }));
    const serverDate = Date.parse(res.headers.get("date") ?? "");
    if (!res.ok) {
        throw new ExchangeRefused(await refusal(res, ctx, "The token exchange", hint), res.status, Number.isNaN(serverDate) ? undefined : serverDate);
    }
    const answer = await readJson(res, "The token exchange", ctx);
    // Some versions wrap the answer as items[0].
    const item = (Array.isArray(answer.items) ? answer.items[0] : answer);
    const accessToken = item?.access_token;
    if (typeof accessToken !== "string" || !accessToken) {
        throw new PurekitError("ERR_BAD_RESPONSE", `The token exchange at ${ctx.origin} answered without an access_token.`);
    }
    ctx.secrets.addTransient(accessToken);
    // Some gateways send the number as a string.
    const expiresIn = Number(item?.expires_in);
    return {
        accessToken,
        expiresAt: item?.expires_in !== undefined && Number.isFinite(expiresIn) ? ctx.now() + expiresIn * 1000 : undefined,
        serverDate: Number.isNaN(serverDate) ? undefined : serverDate,
    };
}
/** A server clock this far from ours makes `iat`/`exp` suspect: re-sign with its time. */
const SKEW_TOLERANCE_MS = 30_000;
/**
 * Signs a JWT and exchanges it; when a server whose clock is off refuses it, signs once more
 * with the server's time, and goes on signing with that time on later calls.
 */
export function signedExchange(ctx, sign, hint) {
    let skewMs = 0;
    // JWTs need no registration: redaction removes anything shaped like one.
    const signed = async (now) => {
        try {
            return await sign(now);
        }
        catch (cause) {
            if (cause instanceof PurekitError)
                throw cause;
            // jose's TypeError (a key of the wrong type or size) names no key material.
            throw new PurekitError("ERR_KEY_UNSUPPORTED", `Signing the JWT for ${ctx.origin} failed: ${cause?.message ?? String(cause)}. Give an RSA private key of at least 2048 bits.`, { cause });
        }
    };
    const attempt = async () => exchangeToken(ctx, await signed(ctx.now() + skewMs), hint);
    return async () => {
        try {
            return await attempt();
        }
        catch (e) {
            if (!(e instanceof ExchangeRefused) || e.serverDate === undefined)
                throw e;
            const skew = e.serverDate - ctx.now();
            if (Math.abs(skew - skewMs) < SKEW_TOLERANCE_MS)
                throw e;
            ctx.logger.warn?.(`clock of ${ctx.origin} differs from ours by ${Math.round(skew / 1000)} s; signing with its time`);
            skewMs = skew;
            return attempt();
        }
    };
}
//# sourceMappingURL=exchange.js.map