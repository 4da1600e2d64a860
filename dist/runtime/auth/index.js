/**
 * Which strategy an `auth` option means. Each is a small factory; a custom
 * one can be passed as `{ strategy }`.
 */
import { PurekitError } from "../errors.js";
import { getPlatform } from "../platform/index.js";
import { createAccessTokenAuth, createApiClientAuth, createIdTokenAuth, createPure1AppAuth, } from "./oauth.js";
import { createSessionAuth } from "./session.js";
const has = (o, k) => k in o && o[k] !== undefined;
/** Builds the strategy for an array's `auth` option. */
export function arrayAuthStrategy(auth, ctx) {
    if (has(auth, "strategy"))
        return auth.strategy(ctx);
    if (has(auth, "clientId")) {
        const a = auth;
        for (const k of ["keyId", "issuer", "username"]) {
            if (!a[k])
                throw new PurekitError("ERR_AUTH_CONFIG", `API client auth needs ${k} (with clientId, keyId, issuer, username and a private key).`);
        }
        return createApiClientAuth(a, ctx);
    }
    if (has(auth, "apiToken"))
        return createSessionAuth(auth, ctx);
    if (has(auth, "password")) {
        const a = auth;
        if (!a.username)
            throw new PurekitError("ERR_AUTH_CONFIG", "Password auth needs a username.");
        return createSessionAuth(a, ctx);
    }
    if (has(auth, "idToken"))
        return createIdTokenAuth(auth, ctx);
    if (has(auth, "accessToken"))
        return createAccessTokenAuth(auth, ctx);
    throw new PurekitError("ERR_AUTH_CONFIG", "No usable auth: give { apiToken }, { username, password }, { clientId, keyId, issuer, username, privateKey }, { idToken } or { accessToken }.");
}
/** Builds the strategy for Pure1, falling back to the conventional environment variables. */
export async function pure1AuthStrategy(auth, ctx) {
    if (auth) {
        if (has(auth, "strategy"))
            return auth.strategy(ctx);
        if (has(auth, "appId"))
            return createPure1AppAuth(auth, ctx);
        if (has(auth, "idToken"))
            return createIdTokenAuth(auth, ctx);
        if (has(auth, "accessToken"))
            return createAccessTokenAuth(auth, ctx);
    }
    const { env } = await getPlatform();
    const appId = env("PURE1_APP_ID");
    const keyFile = env("PURE1_PRIVATE_KEY_FILE");
    if (appId && keyFile) {
        const password = env("PURE1_PRIVATE_KEY_PASSWORD");
        return createPure1AppAuth({ appId, privateKeyFile: keyFile, ...(password !== undefined ? { privateKeyPassword: password } : {}) }, ctx);
    }
    const idToken = env("PURE1_ID_TOKEN");
    if (idToken)
        return createIdTokenAuth({ idToken }, ctx);
    throw new PurekitError("ERR_AUTH_CONFIG", "No Pure1 credentials: give auth { appId, privateKey | privateKeyFile } or { idToken }, or set PURE1_APP_ID and PURE1_PRIVATE_KEY_FILE (or PURE1_ID_TOKEN).");
}
//# sourceMappingURL=index.js.map