/**
 * The platform's Web Crypto key type, named through `crypto.subtle` rather than the DOM
 * lib's global `CryptoKey`: a consumer's tsc without the DOM lib (Node with @types/node),
 * and Deno, each resolve it to their own.
 */
export type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
