/**
 * Redaction of hostile 1 MB bodies (issue 9): shapes that made the old JWT pattern
 * quadratic (90 KB of `eyJ…` blocked the event loop 5–21 s) and PEM-marker floods.
 * Prints the time per body and per MB; linear redaction stays well under 100 ms each. The
 * same bodies inside a recorded answer (`purekit mock record`) follow.
 *
 *   node --import tsx bench/redact.ts [--mb 1] [--runs 5]
 */
import { parseArgs } from "node:util";
import { createRecorder } from "../mock/recorder.ts";
import { SecretSet } from "../runtime/redact.ts";

const { values } = parseArgs({
  options: { mb: { type: "string", default: "1" }, runs: { type: "string", default: "5" } },
});
const size = Math.round(Number(values.mb) * 1024 * 1024);
const runs = Number(values.runs);
const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const bodies: Record<string, string> = {
  "eyJ repeated": fill("eyJ"),
  "eyJ + long segment, no dot": `eyJ${"a".repeat(size - 3)}`,
  "first segments, no signature dot": fill("eyJaaaa.bbbb"),
  "JWT-ish pieces joined by dots": fill("eyJaaaa."),
  "real JWTs in JSON": fill('{"t":"eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"},'),
  "unmatched BEGIN lines": fill("-----BEGIN PRIVATE KEY-----\n"),
  "BEGIN + bad END labels": `-----BEGIN X-----${fill("-----END x")}`,
  "plain text": fill("The volume vol1 could not be created. "),
};

const secrets = new SecretSet();
for (let i = 0; i < 64; i++) secrets.addTransient(`session-token-${i}-7c1e9a44b2d04f0f8e5b`);
secrets.add("0d9f8e7c-6b5a-4321-9fed-cba987654321");

console.log(`redacting ${(size / 2 ** 20).toFixed(2)} MB bodies, best of ${runs} (with 65 known secrets)`);
for (const [name, body] of Object.entries(bodies)) {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    secrets.redact(body);
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${name.padEnd(36)} ${best.toFixed(1).padStart(8)} ms`);
}

// The recording proxy scrubs what it keeps with the same redactor (mock/recorder.ts): a
// hostile string inside a recorded item costs the same linear time.
console.log(`\nrecording a GET answer whose item holds the body, best of ${runs}`);
for (const [name, body] of Object.entries(bodies)) {
  let best = Number.POSITIVE_INFINITY;
  const answer = JSON.stringify({ items: [{ id: "1", name: "v", note: body }] });
  for (let r = 0; r < runs; r++) {
    const recorder = createRecorder();
    const t = performance.now();
    recorder.observe(new Request("https://127.0.0.1/api/2.56/volumes"), "", 200, answer, new Headers());
    recorder.files();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${name.padEnd(36)} ${best.toFixed(1).padStart(8)} ms`);
}
