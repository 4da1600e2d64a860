/**
 * Reading request bodies without trusting their size or shape: a byte limit counted
 * while the body streams in (the read stops at the limit, so memory stays bounded by
 * it), and a nesting-depth check run on the text before `JSON.parse`, so a body that
 * would overflow the stack later (in `JSON.stringify` of a listing) is refused before
 * anything is stored.
 */
import { MockHttpError } from "./http.ts";

/**
 * Default largest request body: 16 MiB. Real requests to the arrays are a few KB
 * (certificates and keytabs tens of KB); the limit only has to stop abuse.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/** Deepest JSON nesting a body may have; the specs' bodies nest 4–5 levels. */
export const MAX_JSON_DEPTH = 64;

/** The 413 answer, in the arrays' `errors[]` shape. */
export function bodyTooLarge(limit: number): MockHttpError {
  return new MockHttpError(
    413,
    [
      {
        context: "body",
        message: `Request body is larger than ${limit} bytes; send a smaller body.`,
      },
    ],
    { headers: { connection: "close" } },
  );
}

/**
 * Stops reading without waiting: msw hands handlers a clone of the request, and
 * cancelling one branch of a tee settles only when the other branch is cancelled too.
 */
function cancel(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): void {
  reader?.cancel().catch(() => {});
}

/**
 * A body already read (by an adapter that collected it within its own limit) as text,
 * at most `limit` bytes.
 *
 * @example
 * ```ts
 * textWithin(new TextEncoder().encode("{}"), 1024); // "{}"; a 413 MockHttpError past the limit
 * ```
 */
export function textWithin(bytes: Uint8Array, limit: number): string {
  return new TextDecoder().decode(bytesWithin(bytes, limit));
}

/** A body to read within a limit: a web Request, or what an adapter has of one. */
export interface BodySource {
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * Reads a request body as text, at most `limit` bytes. A `content-length` over the
 * limit is refused before reading; otherwise bytes are counted as they arrive and the
 * stream is cancelled as soon as the count passes the limit.
 *
 * @example
 * ```ts
 * const text = await readBodyText(request, 1024 * 1024); // throws a 413 MockHttpError when larger
 * ```
 */
export async function readBodyText(request: BodySource, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

/**
 * Checks that JSON text nests no deeper than `max` arrays/objects, in one linear pass
 * that skips string contents. Malformed text passes here and fails at `JSON.parse`.
 *
 * @example
 * ```ts
 * checkJsonDepth('{"a":[1]}'); // fine
 * checkJsonDepth("[".repeat(100_000)); // throws a 400 MockHttpError
 * ```
 */
export function checkJsonDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) {
        throw new MockHttpError(400, [
          {
            context: "body",
            message: `Request body nests deeper than ${max} levels of objects and arrays.`,
          },
        ]);
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/**
 * A body already read by an adapter, as bytes, at most `limit` of them.
 *
 * @example
 * ```ts
 * bytesWithin(new Uint8Array(10), 1024); // the same bytes; a 413 MockHttpError past the limit
 * ```
 */
export function bytesWithin(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.byteLength > limit) throw bodyTooLarge(limit);
  return bytes;
}

/**
 * Reads a body stream as bytes, at most `limit` of them: a declared or actual size past
 * it is the 413 of {@link bodyTooLarge}, and the rest is not read.
 *
 * @example
 * ```ts
 * const bytes = await readBodyBytes(request, 16 * 1024 * 1024);
 * ```
 */
export async function readBodyBytes(request: BodySource, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    cancel(request.body?.getReader());
    throw bodyTooLarge(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      cancel(reader);
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
