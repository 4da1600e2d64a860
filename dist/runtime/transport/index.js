/**
 * Which `fetch` a client sends its requests with. Web `fetch` cannot take a CA
 * or skip verification, so TLS options need a platform adapter: `node.ts`
 * (undici) or `deno.ts` (`Deno.createHttpClient`). They are imported only on
 * their platform, so everything else stays on web globals.
 */
import { PurekitError } from "../errors.js";
import { INSECURE_WARNING, resolveTls, withTlsErrors } from "./tls.js";
/**
 * The `fetch` a client should use for these options.
 *
 * @example
 * ```ts
 * const fetch = await createTransportFetch({ tls: { ca: await readFile("array-ca.pem", "utf8") } });
 * const res = await fetch("https://array.lab/api/api_version"); // a global Response
 * ```
 */
export async function createTransportFetch(options = {}) {
  if (options.fetch) return options.fetch;
  const tls = resolveTls(options.tls ?? {});
  if (tls.ca.length === 0 && !tls.insecure) {
    // Looked up at call time: msw and test doubles replace globalThis.fetch after clients exist.
    return withTlsErrors((input, init) => globalThis.fetch(input, init), tls);
  }
  const transportFetch = await platformFetch(tls);
  if (tls.insecure) {
    const warn = options.onInsecure ?? ((message) => console.warn(`purekit: ${message}`));
    warn(INSECURE_WARNING);
  }
  return transportFetch;
}
async function platformFetch(tls) {
  if ("Deno" in globalThis) {
    const { createDenoFetch } = await import("./deno.js");
    return createDenoFetch(tls);
  }
  const versions = globalThis.process?.versions;
  if (versions?.node !== undefined) {
    const { createNodeFetch } = await import("./node.js");
    return createNodeFetch(tls);
  }
  throw new PurekitError(
    "ERR_TLS",
    "tls.ca and tls.insecure need Node or Deno: in a browser the browser's own trust store decides. " +
      "Install the array's CA there, or leave tls out.",
  );
}
//# sourceMappingURL=index.js.map
