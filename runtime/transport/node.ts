/**
 * Node adapter: undici's fetch with a dispatcher that carries the CA / skips
 * verification / presents a client certificate, through an HTTP CONNECT proxy when
 * one applies (undici's ProxyAgent, TLS options on the tunnelled connection),
 * returning Node's *global* Response. undici's own Response is another class, so
 * `instanceof Response` (openapi-fetch, user code) would fail.
 *
 * The pipeline's hot path skips fetch: `direct` dispatches on the same dispatcher and
 * streams the answer into the one global Response it returns (docs/decisions/018-client-hot-path.md).
 */

import { subscribe } from "node:diagnostics_channel";
import { pipeline, type Transform } from "node:stream";
import { createSecureContext, type SecureContext } from "node:tls";
import zlib from "node:zlib";
import {
  Agent,
  type Dispatcher,
  ProxyAgent,
  type Response as UndiciResponse,
  fetch as undiciFetch,
} from "undici";
import { hasNullBody } from "../body-status.ts";
import { PurekitError } from "../errors.ts";
import { type BodyGuard, type DirectSend, GuardedResponse, type OutgoingRequest } from "../http.ts";
import { checkClientCertificate } from "./client-cert.ts";
import type { ResolvedProxy } from "./proxy.ts";
import {
  causeChain,
  type ResolvedTls,
  type TransportFetch,
  tlsError,
  tlsFailureOf,
  withTlsErrors,
} from "./tls.ts";

export function createNodeFetch(
  tls: ResolvedTls,
  proxy?: ResolvedProxy,
): TransportFetch & { direct: DirectSend } {
  const connect = { secureContext: secureContextFor(tls), rejectUnauthorized: !tls.insecure };
  watchTlsAlerts();
  const dispatcher: Dispatcher = proxy
    ? new ProxyAgent({
        uri: proxy.url,
        ...(proxy.authorization ? { token: proxy.authorization } : {}),
        // The array's TLS, inside the tunnel; the proxy's own (https://) keeps the default trust.
        requestTls: connect,
      })
    : new Agent({ connect });
  const nodeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // A global Request normalises every input form (openapi-fetch passes a Request,
    // users pass url + init with FormData, URLSearchParams, …) into one shape.
    const request = new Request(input, init);
    // Buffered: API bodies are small, and a buffered body survives a 307/308 redirect.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    try {
      const response = await undiciFetch(request.url, {
        method: request.method,
        headers: [...request.headers],
        ...(body === undefined ? {} : { body }),
        signal: request.signal,
        redirect: request.redirect,
        dispatcher,
      });
      return toGlobalResponse(response);
    } catch (error) {
      throw withTlsAlert(error, tls.client !== undefined);
    }
  };
  const clientCertificate = tls.client !== undefined;
  const direct: DirectSend = async (request, guard) => {
    try {
      return await dispatch(dispatcher, request, guard);
    } catch (error) {
      // As withTlsErrors does for fetch: the same errors, the same words.
      const e = withTlsAlert(error, clientCertificate);
      const failure = tlsFailureOf(e);
      throw failure ? tlsError(request.url, failure, tls, e) : e;
    }
  };
  return Object.assign(withTlsErrors(nodeFetch, tls), { close: () => dispatcher.close(), direct });
}

/**
 * One TLS context for every connection of the client. Given `ca`/`cert`/`key`/`pfx`,
 * tls.connect builds a context per connection, parsing them again each time (about 2 ms
 * of CPU per new connection, more for the first): a pool growing to 32 connections, or
 * reconnecting after an array restarts, paid that each time. Built when the transport is
 * made, so a client certificate that cannot be read fails now, not at the first handshake.
 */
function secureContextFor(tls: ResolvedTls): SecureContext {
  const ca = tls.ca.length > 0 ? { ca: tls.ca } : {};
  const client = tls.client;
  if (!client) return createSecureContext(ca);
  if (client.cert !== undefined) {
    return createSecureContext({ ...ca, cert: client.cert, key: checkClientCertificate(client) });
  }
  try {
    return createSecureContext({
      ...ca,
      pfx: Buffer.from(client.pfx),
      ...(client.passphrase !== undefined ? { passphrase: client.passphrase } : {}),
    });
  } catch (error) {
    // The CA is checked PEM and never fails here: what OpenSSL refused is the PKCS#12 file.
    const message = String((error as Error).message);
    if (/mac verify failure|bad decrypt/i.test(message)) {
      throw new PurekitError(
        client.passphrase === undefined ? "ERR_KEY_PASSWORD_REQUIRED" : "ERR_KEY_WRONG_PASSWORD",
        client.passphrase === undefined
          ? "tls.pfx is protected by a password: give it in tls.passphrase."
          : "tls.passphrase does not open tls.pfx: check the password.",
        { cause: error },
      );
    }
    throw new PurekitError(
      "ERR_TLS",
      "tls.pfx could not be read as PKCS#12 (damaged, or an algorithm this Node's OpenSSL lacks): " +
        "export it again, or give tls.cert and tls.key as PEM.",
      { cause: error },
    );
  }
}

/**
 * A TLS 1.3 server that wants a client certificate refuses after the handshake, with an
 * alert undici reports only as "other side closed". The alert reaches the socket's
 * `error` listeners, though: remember it by the connection's local port (which undici's
 * SocketError carries) so the failure can say what happened.
 */
const alerts = new Map<number, Error>();
const MAX_ALERTS = 64;
let watching = false;

function watchTlsAlerts(): void {
  if (watching) return;
  watching = true;
  subscribe("undici:client:connected", (message) => {
    const socket = (message as { socket?: import("node:net").Socket }).socket;
    socket?.on("error", (error: Error & { code?: string }) => {
      if (!/^ERR_SSL_.*ALERT/.test(error.code ?? "") || socket.localPort === undefined) return;
      alerts.set(socket.localPort, error);
      if (alerts.size > MAX_ALERTS) alerts.delete(alerts.keys().next().value as number);
    });
  });
}

function withTlsAlert(error: unknown, clientCertificate: boolean): unknown {
  for (const e of causeChain(error)) {
    const socket = (e as { socket?: { localPort?: number; bytesRead?: number } }).socket;
    if ((e as { code?: string }).code !== "UND_ERR_SOCKET" || !socket) continue;
    const alert = socket.localPort === undefined ? undefined : alerts.get(socket.localPort);
    if (alert) {
      alerts.delete(socket.localPort as number);
      return new TypeError("fetch failed", { cause: alert });
    }
    // A server that checks client certificates after the handshake (Node's own, some
    // proxies) just closes, without an alert: say what that most likely means.
    if (clientCertificate && socket.bytesRead === 0) {
      return new TypeError("fetch failed", {
        cause: Object.assign(new Error("other side closed"), {
          code:
            "the connection was closed right after the TLS handshake, without an answer: the array (or a gateway) " +
            "may have refused the client certificate in tls.cert/tls.pfx; check that a CA it trusts issued it",
        }),
      });
    }
    return error;
  }
  return error;
}

async function toGlobalResponse(response: UndiciResponse): Promise<Response> {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  const nullBody = hasNullBody(response.status);
  if (nullBody) await response.body?.cancel();
  const converted = new Response(nullBody ? null : (response.body as ReadableStream<Uint8Array> | null), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  // `url` and `redirected` are read-only getters the constructor cannot set; keep them for error messages.
  Object.defineProperties(converted, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return converted;
}

/** Content codings fetch decodes, as undici's fetch does (it asks for them too). */
const DECODERS: Record<string, () => Transform> = {
  gzip: () =>
    zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  "x-gzip": () =>
    zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: () =>
    zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: () =>
    zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    }),
};

/** What an answer may queue before the socket is paused (fetch's body buffers about as much). */
const QUEUED_BYTES = 64 * 1024;

/**
 * One hop on the dispatcher: the request as undici's fetch would send it (its
 * `accept-encoding`, the body's length), the answer as a {@link GuardedResponse}.
 */
function dispatch(dispatcher: Dispatcher, request: OutgoingRequest, guard: BodyGuard): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(request.url);
    } catch (cause) {
      reject(new TypeError(`Failed to parse URL from ${request.url}`, { cause }));
      return;
    }
    const headers: string[] = [];
    let encoding = false;
    let range = false;
    for (const [name, value] of request.headers) {
      headers.push(name, value);
      if (name === "accept-encoding") encoding = true;
      else if (name === "range") range = true;
    }
    if (!encoding) {
      headers.push(
        "accept-encoding",
        range ? "identity" : target.protocol === "https:" ? "br, gzip, deflate" : "gzip, deflate",
      );
    }
    const answer = new Answer(request, guard, resolve, reject);
    dispatcher.dispatch(
      {
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers,
        body: request.body === undefined ? null : new Uint8Array(request.body),
      },
      answer,
    );
  });
}

/**
 * undici's dispatch handler (the interface its core calls, so no adapter sits in between):
 * resolves with the Response at the headers, then feeds the body into that Response's one
 * stream, counting it against `guard.maxBytes` (2xx only, as the pipeline bounds them)
 * and failing it with `guard.stopped()` when the signal aborts.
 */
class Answer implements Dispatcher.DispatchHandler {
  readonly #request: OutgoingRequest;
  readonly #guard: BodyGuard;
  readonly #resolve: (response: Response) => void;
  readonly #reject: (error: unknown) => void;
  readonly #stopListening: () => void;
  #abort: ((reason?: Error) => void) | undefined;
  #resume: (() => void) | undefined;
  #stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  #decoder: Transform | undefined;
  #limit = Number.POSITIVE_INFINITY;
  #seen = 0;
  /** The promise is settled (answer or failure). */
  #settled = false;
  /** The body ended, failed or was cancelled. */
  #finished = false;

  constructor(
    request: OutgoingRequest,
    guard: BodyGuard,
    resolve: (response: Response) => void,
    reject: (error: unknown) => void,
  ) {
    this.#request = request;
    this.#guard = guard;
    this.#resolve = resolve;
    this.#reject = reject;
    // The attempt's abort, not `request.signal`: reading that would make an AbortSignal.
    this.#stopListening = guard.abort.onAbort(() => this.#aborted());
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    if (this.#guard.abort.aborted) abort(this.#guard.abort.reason as Error);
  }

  onHeaders(status: number, raw: Buffer[], resume: () => void, statusText: string): boolean {
    if (this.#settled) return false;
    try {
      this.#resume = resume;
      let body: ReadableStream<Uint8Array> | null = null;
      let encoding: string | null = null;
      if (this.#request.method !== "HEAD" && !hasNullBody(status)) {
        if (status >= 200 && status < 300) this.#limit = this.#guard.maxBytes;
        body = new ReadableStream<Uint8Array>(
          {
            start: (controller) => {
              this.#stream = controller;
            },
            pull: () => this.#resume?.(),
            cancel: (reason) => {
              this.#finish();
              this.#abort?.(reason instanceof Error ? reason : undefined);
            },
          },
          new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
        );
      }
      // The Response's own Headers filled in place: a Headers passed in would be copied.
      const response = new GuardedResponse(body, { status, statusText }, this.#request.url);
      const headers = response.headers;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = (raw[i] as Buffer).toString("latin1");
        const value = (raw[i + 1] as Buffer).toString("latin1");
        headers.append(name, value);
        if (body !== null && name.length === 16 && name.toLowerCase() === "content-encoding")
          encoding = value;
      }
      if (encoding !== null) this.#decoder = this.#decoding(headers.get("content-encoding"));
      this.#settled = true;
      this.#resolve(response);
    } catch (error) {
      this.#settled = true;
      this.#finish();
      this.#reject(error);
      this.#abort?.(error as Error);
      return false;
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#decoder) {
      this.#decoder.write(chunk);
      return true;
    }
    return this.#deliver(chunk);
  }

  onComplete(): void {
    if (this.#decoder) this.#decoder.end();
    else this.#close();
  }

  onError(error: Error): void {
    const signal = this.#guard.abort;
    if (!this.#settled) {
      this.#settled = true;
      this.#finish();
      // As fetch: the signal's reason on abort, else a TypeError with the cause.
      this.#reject(signal.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
      return;
    }
    if (this.#finished) return;
    this.#fail(signal.aborted ? this.#guard.stopped() : new TypeError("terminated", { cause: error }));
  }

  /** The codings undici's fetch decodes, undone in order; none when one is unknown (as fetch). */
  #decoding(header: string | null): Transform | undefined {
    if (header === null) return undefined;
    const codings = header.toLowerCase().split(",");
    if (codings.length > 5) throw new TypeError(`too many content-encodings in response: ${codings.length}`);
    const decoders: Transform[] = [];
    for (let i = codings.length - 1; i >= 0; i--) {
      const make = DECODERS[(codings[i] as string).trim()];
      if (!make) return undefined;
      decoders.push(make());
    }
    if (decoders.length === 0) return undefined;
    const first = decoders[0] as Transform;
    const last = decoders.length === 1 ? first : (pipeline(decoders, () => {}) as unknown as Transform);
    last.on("data", (chunk: Buffer) => {
      this.#deliver(chunk);
    });
    last.on("end", () => this.#close());
    for (const d of decoders)
      d.on("error", (error) => this.#fail(new TypeError("terminated", { cause: error })));
    return first;
  }

  /** Queues a chunk of the body; false pauses the socket until the reader pulls. */
  #deliver(chunk: Uint8Array): boolean {
    const stream = this.#stream;
    if (stream === undefined || this.#finished) return true;
    this.#seen += chunk.byteLength;
    if (this.#seen > this.#limit) {
      this.#fail(this.#guard.tooLarge(`more than ${this.#limit}`));
      this.#abort?.();
      return false;
    }
    stream.enqueue(chunk);
    return (stream.desiredSize ?? 1) > 0;
  }

  #close(): void {
    if (this.#finished) return;
    this.#finish();
    this.#stream?.close();
  }

  #fail(error: unknown): void {
    if (this.#finished) return;
    this.#finish();
    this.#stream?.error(error);
  }

  /** The caller's signal or the attempt's timeout: before the answer, fetch's rejection; after, the body's error. */
  #aborted(): void {
    const signal = this.#guard.abort;
    if (!this.#settled) {
      this.#settled = true;
      this.#finish();
      this.#reject(signal.reason);
    } else {
      this.#fail(this.#guard.stopped());
    }
    this.#abort?.(signal.reason as Error);
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#stopListening();
    this.#decoder?.destroy();
    this.#guard.done();
  }
}
