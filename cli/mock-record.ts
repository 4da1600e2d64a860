/**
 * `purekit mock record --target URL --out DIR`: a recording proxy on loopback. Point a
 * tool or test suite at it instead of the array; every call is forwarded to the target
 * and answered as the target answers, and the answers of data GETs are kept (secrets
 * replaced, mock/recorder.ts). On Ctrl-C (SIGINT/SIGTERM) the seed folder is written;
 * replay it with `purekit mock flasharray --seed DIR` or `createFlashArrayMock({ seed: DIR })`.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Agent, fetch as undiciFetch } from "undici";
import { DEFAULT_MAX_REQUEST_BYTES } from "../mock/body.ts";
import { createRecorder } from "../mock/recorder.ts";
import { PurekitError } from "../runtime/errors.ts";
import { parseCommand } from "./args.ts";
import { exposureWarning } from "./mock.ts";

export const RECORD_HELP = `purekit mock record --target URL --out DIR [options]

Runs a recording proxy in front of an array (or another mock): point your tool at the
URL it prints. Answers pass through unchanged; the answers of data GETs are written to
DIR when you stop it (Ctrl-C), every secret and token replaced. Replay them with
  purekit mock flasharray --seed DIR      or   createFlashArrayMock({ seed: DIR })

  --target URL      the array, e.g. https://array.example.com
  --out DIR         seed folder to write (created)
  --port N          proxy port (default 0: a free one)
  --host ADDR       proxy address (default 127.0.0.1)
  --ca FILE         CA certificate (PEM) of the target
  --insecure        do not verify the target's certificate
  --json            print one JSON line {url, out} instead of text`;

/** Request headers not forwarded: hop-by-hop ones, and those the proxy's fetch sets itself. */
const DROP_REQUEST = new Set([
  "host",
  "connection",
  "content-length",
  "accept-encoding",
  "keep-alive",
  "transfer-encoding",
]);
const DROP_RESPONSE = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);

function invalid(message: string): PurekitError {
  return new PurekitError("ERR_INVALID_ARGUMENT", message);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The `purekit mock record` command. Returns the exit code. */
export async function runRecord(argv: string[]): Promise<number> {
  const args = parseCommand(argv, {
    name: "mock record",
    help: RECORD_HELP,
    positionals: "refused",
    options: {
      target: { type: "string" },
      out: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      ca: { type: "string" },
      insecure: { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  if (!args) return 0;
  const { values } = args;
  if (!values.target) throw invalid("--target URL is required: the array to record");
  if (!values.out) throw invalid("--out DIR is required: where the seed folder goes");
  let target: URL;
  try {
    target = new URL(values.target);
  } catch {
    throw invalid(`--target ${values.target}: not a URL; use e.g. https://array.example.com`);
  }
  if (target.protocol !== "https:" && target.protocol !== "http:")
    throw invalid("--target must be http(s)://");
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw invalid(`--port ${values.port}: expected 0–65535`);
  const host = values.host ?? "127.0.0.1";
  const out = resolve(values.out);
  const ca = values.ca ? await readFile(values.ca, "utf8") : undefined;
  const agent = new Agent({ connect: { ...(ca ? { ca } : {}), rejectUnauthorized: !values.insecure } });
  const recorder = createRecorder();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req, DEFAULT_MAX_REQUEST_BYTES);
    if (!body) {
      res.writeHead(413, { "content-type": "application/json", connection: "close" });
      res.end(
        JSON.stringify({
          errors: [{ context: "body", message: "Request body too large for the recorder." }],
        }),
      );
      return;
    }
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = (req.rawHeaders[i] as string).toLowerCase();
      if (!DROP_REQUEST.has(name)) headers.append(name, req.rawHeaders[i + 1] as string);
    }
    const url = new URL(req.url ?? "/", target);
    const method = req.method ?? "GET";
    const hasBody = body.length > 0 && method !== "GET" && method !== "HEAD";
    const answer = await undiciFetch(url, {
      method,
      headers: [...headers],
      ...(hasBody ? { body } : {}),
      redirect: "manual",
      dispatcher: agent,
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    const responseHeaders = new Headers();
    const outHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      responseHeaders.set(name, value);
      if (!DROP_RESPONSE.has(name)) outHeaders[name] = value;
    });
    recorder.observe(
      new Request(url, { method, headers }),
      body.toString("utf8"),
      answer.status,
      payload.toString("utf8"),
      responseHeaders,
    );
    outHeaders["content-length"] = String(payload.length);
    res.writeHead(answer.status, outHeaders);
    res.end(payload);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          errors: [{ message: `Recorder could not reach ${target.origin}: ${(e as Error).message}` }],
        }),
      );
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  const warning = exposureWarning(host);
  if (warning) console.error(warning);
  if (values.json) console.log(JSON.stringify({ url, out, target: target.origin }));
  else {
    console.log(`purekit mock record: proxy for ${target.origin}`);
    console.log(`url: ${url}`);
    console.log(`writes: ${out} (on Ctrl-C)`);
  }
  const signal = await new Promise<string>((done) => {
    const on = (s: string) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      done(s);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  await agent.close();
  await mkdir(out, { recursive: true });
  const files = recorder.files();
  for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
  if (!values.json)
    console.log(`purekit mock record: wrote ${Object.keys(files).length} files to ${out} (${signal})`);
  return 0;
}
