/**
 * How each product refuses a call without valid credentials, and the default
 * bodies of injected faults.
 */
import { MockHttpError } from "./http.js";
const MESSAGES = {
    session: {
        missing: "Authentication required: send x-auth-token from a login, or Authorization: Bearer <access token>.",
        unknown: "Invalid session token; log in again.",
        expired: "Session expired; log in again.",
    },
    bearer: {
        missing: "Authentication required: send Authorization: Bearer <access token> from POST /oauth2/1.0/token.",
        unknown: "Invalid access token; exchange your JWT for a new one at /oauth2/1.0/token.",
        expired: "Access token expired; exchange your JWT for a new one at /oauth2/1.0/token.",
    },
};
/** FA/FB: 401 with `errors[]`. */
export function arrayUnauthorized(problem, via) {
    return new MockHttpError(401, [
        { context: via === "session" ? "x-auth-token" : "authorization", message: MESSAGES[via][problem] },
    ]);
}
/** Pure1: 403 with the gateway's `{message}`. */
export function pure1Unauthorized(problem, _via) {
    const message = MESSAGES.bearer[problem];
    return new MockHttpError(403, message, { body: { message } });
}
/** Fault bodies: the gateway's `{message}` for 403/429, the array's `errors[]` otherwise. */
export function arrayErrorBody(status, message) {
    return status === 403 || status === 429 ? { message } : { errors: [{ message }] };
}
//# sourceMappingURL=errors.js.map