/**
 * A loopback HTTP CONNECT proxy for tests: counts the tunnels it opened (and to
 * where), can demand Basic credentials (407 otherwise), and refuses anything but
 * CONNECT with 405 so a test sees when a client sent a plain request instead.
 */

import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>` (no credentials). */
  url: string;
  port: number;
  /** Tunnels opened, in order: `host:port` of each CONNECT that was let through. */
  tunnels: string[];
  /** CONNECTs refused (missing or wrong credentials, or `denyWith`). */
  refused: number;
  /** Proxy-Authorization headers seen (to check they were sent, never logged). */
  authorizations: string[];
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** Demand these credentials (Basic); without them every CONNECT gets 407. */
  credentials?: { username: string; password: string };
  /** Refuse every tunnel with this status (a proxy whose policy forbids the host). */
  denyWith?: number;
}

/**
 * Starts the proxy on a free loopback port.
 *
 * @example
 * ```ts
 * const proxy = await startConnectProxy();
 * const fa = await createFlashArrayClient({ host, auth, proxy: proxy.url, tls: { ca } });
 * expect(proxy.tunnels).toEqual([`127.0.0.1:${port}`]);
 * ```
 */
export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const state = { tunnels: [] as string[], refused: 0, authorizations: [] as string[] };
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString("base64")}`
    : undefined;
  const server: Server = createServer((_req, res) => {
    res.writeHead(405, { "content-type": "text/plain" }).end("this test proxy only tunnels (CONNECT)");
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    const auth = req.headers["proxy-authorization"];
    if (auth) state.authorizations.push(auth);
    if (expected && auth !== expected) {
      state.refused++;
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    if (options.denyWith) {
      state.refused++;
      client.end(`HTTP/1.1 ${options.denyWith} Forbidden\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = splitHostPort(req.url ?? "");
    const upstream = connect(Number(port), host, () => {
      state.tunnels.push(req.url ?? "");
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get tunnels() {
      return state.tunnels;
    },
    get refused() {
      return state.refused;
    },
    get authorizations() {
      return state.authorizations;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function splitHostPort(target: string): [string, string] {
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(target);
  if (v6) return [v6[1] ?? "", v6[2] ?? ""];
  const i = target.lastIndexOf(":");
  return [target.slice(0, i), target.slice(i + 1)];
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
