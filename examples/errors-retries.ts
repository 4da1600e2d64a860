/**
 * Errors and retries. Every error purekit throws is a `PurekitError` whose `code`
 * TypeScript narrows in a `switch`; an array's HTTP error is a `PureApiError` with the
 * status, the array's `errors[]` and the `X-Request-ID` support can look up. Busy
 * arrays (429, 503, 500 "Server is busy") and network errors are retried with backoff;
 * `timeoutMs` bounds each attempt, `deadlineMs` the whole call.
 *
 * Credentials: an API token, as in api-token.ts (`pureadmin create --api-token`).
 *
 * Run:
 *   FA_HOST=array.example.com FA_API_TOKEN=… [FA_CA_FILE=array-ca.pem] npx tsx examples/errors-retries.ts
 */
import { readFile } from "node:fs/promises";
import { PureApiError, PurekitError } from "purekit";
import { createFlashArrayClient } from "purekit/flasharray";

function env(name: string, what: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} to ${what}.`);
    process.exit(2);
  }
  return value;
}

/** One line a person can act on, for any error purekit throws. */
function explain(e: unknown): string {
  if (!(e instanceof PurekitError)) return `unexpected: ${String(e)}`;
  switch (e.code) {
    case "ERR_API":
    case "ERR_PARTIAL":
      if (e instanceof PureApiError) {
        const first = e.errors[0];
        return `HTTP ${e.status}: ${first?.context ?? ""} ${first?.message ?? e.message} (request ${e.requestId})`;
      }
      return e.message;
    case "ERR_AUTH":
    case "ERR_AUTH_TOKEN_EXPIRED":
      return `refused credentials: ${e.message}`;
    case "ERR_TIMEOUT":
      return `no answer in time (raise timeoutMs for slow listings): ${e.message}`;
    case "ERR_NETWORK":
      return `the array is unreachable (retries exhausted): ${e.message}`;
    case "ERR_TLS":
      return `certificate problem (set FA_CA_FILE?): ${e.message}`;
    default:
      return `${e.code}: ${e.message}`;
  }
}

const host = env("FA_HOST", "the array's management address (array.example.com)");
const apiToken = env("FA_API_TOKEN", "an API token (pureadmin create --api-token)");
const caFile = process.env.FA_CA_FILE;

await using fa = await createFlashArrayClient({
  host,
  auth: { apiToken },
  ...(caFile ? { tls: { ca: await readFile(caFile, "utf8") } } : {}),
  timeoutMs: 10_000, // per attempt
  deadlineMs: 60_000, // per call, retries and their waits included
  retry: { retries: 4, minDelayMs: 100, maxDelayMs: 5_000 },
});

// Watch the retries happen: middleware sees every attempt.
fa.use({
  onResponse: ({ request, response, attempt }) => {
    if (response.status >= 429)
      console.log(`  attempt ${attempt}: ${request.method} answered ${response.status}, retrying`);
  },
});

// 1. A busy array: retried until it answers.
const { items: arrays = [] } = await fa.getArrays();
console.log(`array ${arrays[0]?.name ?? "?"} answered`);

// 2. Friendly methods throw: switch on the code.
try {
  await fa.getVolumes({ names: ["no-such-volume-42"] });
} catch (e) {
  console.log(`getVolumes: ${explain(e)}`);
}

// 3. Typed calls return the error instead, as a PureApiError.
const { error } = await fa.GET("/hosts", {
  params: { query: { names: ["no-such-host-42"] } },
  timeoutMs: 5_000,
});
if (error)
  console.log(
    `GET /hosts: status ${error.status}, ${error.errors.length} error(s), requestId ${error.requestId}`,
  );
