/**
 * How each product refuses a call without valid credentials, and the default
 * bodies of injected faults.
 */
import { MockHttpError } from "./http.js";
/** FA/FB: 401 with `errors[]`. */
export declare function arrayUnauthorized(problem: "missing" | "unknown" | "expired", via: "session" | "bearer"): MockHttpError;
/** Pure1: 403 with the gateway's `{message}`. */
export declare function pure1Unauthorized(problem: "missing" | "unknown" | "expired", _via: "session" | "bearer"): MockHttpError;
/** Fault bodies: the gateway's `{message}` for 403/429, the array's `errors[]` otherwise. */
export declare function arrayErrorBody(status: number, message: string): unknown;
//# sourceMappingURL=errors.d.ts.map