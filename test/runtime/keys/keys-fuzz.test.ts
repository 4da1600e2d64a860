/**
 * A bounded fuzz test of the key readers (issue 9): a few thousand mutants of fixed seed
 * files (test/fixtures/keys: PEM, DER, encrypted PKCS#8 and PKCS#1, PKCS#12), made by a
 * seeded generator so every run tries the same inputs. Every outcome must be a key or a
 * PurekitError with a code — never a RangeError, TypeError or DOMException — and every
 * input must finish within a generous guard (a hang or a runaway cost fails the test; no
 * speed is asserted). A failure prints the seed and index that reproduce it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PurekitError } from "../../../runtime/errors.ts";
import { concat } from "../../../runtime/keys/asn1.ts";
import { detectKeyFormat, importPrivateKey } from "../../../runtime/keys/index.ts";

const DIR = join(import.meta.dirname, "..", "..", "fixtures", "keys");
const PASSWORD = "fuzz-seed-pw";
/** Per input; real inputs take milliseconds. */
const GUARD_MS = 15_000;
const PER_SEED = 500;

const SEEDS = [
  { file: "pkcs8.pem", text: true, password: undefined },
  { file: "pkcs1.der", text: false, password: undefined },
  { file: "pbes2.pem", text: true, password: PASSWORD },
  { file: "legacy.pem", text: true, password: PASSWORD },
  { file: "default.p12", text: false, password: PASSWORD },
  { file: "legacy3des.p12", text: false, password: PASSWORD },
] as const;

/** xorshift32: small, seeded, the same sequence everywhere. */
function generator(seed: number): (n: number) => number {
  let x = seed | 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** One mutant of `input`: a few of bit flips, special bytes, cuts, duplicated or removed slices. */
function mutate(input: Uint8Array, rand: (n: number) => number): Uint8Array {
  let b: Uint8Array = Uint8Array.from(input);
  const rounds = 1 + rand(4);
  for (let r = 0; r < rounds && b.length > 0; r++) {
    const at = rand(b.length);
    switch (rand(8)) {
      case 0:
        b[at] = b[at]! ^ (1 << rand(8));
        break;
      case 1:
        b[at] = [0x00, 0xff, 0x80, 0x7f, 0x30, 0x24, 0x84][rand(7)]!;
        break;
      case 2:
        b[at] = rand(256);
        break;
      case 3:
        b = b.slice(0, at);
        break;
      case 4: {
        const len = 1 + rand(64);
        b = concat(b.subarray(0, at), b.subarray(at, at + len), b.subarray(at));
        break;
      }
      case 5:
        b = concat(b.subarray(0, at), b.subarray(at + 1 + rand(64)));
        break;
      case 6:
        b = concat(
          b.subarray(0, at),
          Uint8Array.from({ length: 1 + rand(8) }, () => rand(256)),
          b.subarray(at),
        );
        break;
      default:
        // A long-form length with big values: the classic parser bait.
        b = concat(b.subarray(0, at), Uint8Array.of(0x84, 0x7f, 0xff, 0xff, 0xff), b.subarray(at + 1));
    }
  }
  return b;
}

/** PEM seeds are mutated inside their DER (where the parsers are) and, sometimes, as text. */
function mutant(
  seed: (typeof SEEDS)[number],
  raw: Uint8Array,
  rand: (n: number) => number,
): string | Uint8Array {
  if (!seed.text) return mutate(raw, rand);
  const text = new TextDecoder().decode(raw);
  if (rand(4) === 0) return new TextDecoder().decode(mutate(raw, rand));
  const m =
    /^([\s\S]*?-----BEGIN [^-]+-----\r?\n(?:[A-Za-z-]+:[^\n]*\n)*\r?\n?)([A-Za-z0-9+/=\s]+)(-----END [\s\S]*)$/.exec(
      text,
    );
  if (!m) return new TextDecoder().decode(mutate(raw, rand));
  const der = Uint8Array.from(atob(m[2]!.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
  const mutated = mutate(der, rand);
  let bin = "";
  for (const byte of mutated) bin += String.fromCharCode(byte);
  return `${m[1]}${btoa(bin).replace(/.{64}/g, "$&\n")}\n${m[3]}`;
}

type Outcome = { kind: "key" } | { kind: "error"; code: string } | { kind: "wrong"; what: string };

async function outcome(input: string | Uint8Array, password: string | undefined): Promise<Outcome> {
  try {
    const key = await importPrivateKey(input, password === undefined ? {} : { password });
    return key.type === "private" ? { kind: "key" } : { kind: "wrong", what: `a ${key.type} key` };
  } catch (e) {
    if (e instanceof PurekitError && /^ERR_/.test(e.code)) return { kind: "error", code: e.code };
    return { kind: "wrong", what: `${(e as Error)?.name}: ${(e as Error)?.message}` };
  }
}

function guarded<T>(p: Promise<T>, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${GUARD_MS} ms`)), GUARD_MS);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

describe("key readers under fuzzing", () => {
  for (const [n, seed] of SEEDS.entries()) {
    it(`${PER_SEED} mutants of ${seed.file}: a key or a PurekitError, each within the guard`, {
      timeout: 240_000,
    }, async () => {
      const raw = new Uint8Array(readFileSync(join(DIR, seed.file)));
      // The unmutated seed is a real key: the harness can tell a key from an error.
      expect(await outcome(seed.text ? new TextDecoder().decode(raw) : raw, seed.password)).toEqual({
        kind: "key",
      });
      const rand = generator(0x9e3779b9 ^ (n + 1));
      const codes = new Map<string, number>();
      for (let i = 0; i < PER_SEED; i++) {
        const input = mutant(seed, raw, rand);
        const label = `${seed.file} mutant #${i} (seed ${n})`;
        expect(() => detectKeyFormat(input), label).not.toThrow();
        // Half with the password, half without: both paths of every reader.
        const result = await guarded(outcome(input, i % 2 === 0 ? seed.password : undefined), label);
        if (result.kind === "wrong") expect.fail(`${label}: ${result.what}`);
        const key = result.kind === "key" ? "key" : result.code;
        codes.set(key, (codes.get(key) ?? 0) + 1);
      }
      // The mutants reach more than one outcome: the fuzzer is not stuck on one early check.
      expect(codes.size, JSON.stringify([...codes])).toBeGreaterThan(1);
    });
  }
});
