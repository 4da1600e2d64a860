// Preloaded into CLI child processes (NODE_OPTIONS=--import): name lookups never leave the
// machine. Loopback names resolve as usual; every other name fails as an unknown host would
// (ENOTFOUND), so "unknown host" paths are tested without asking the system resolver.
import dns from "node:dns";

const original = dns.lookup;
const LOCAL = new Set(["localhost", "127.0.0.1", "::1"]);

dns.lookup = function lookup(hostname, options, callback) {
  if (LOCAL.has(hostname)) return original.call(this, hostname, options, callback);
  const cb = typeof options === "function" ? options : callback;
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: "ENOTFOUND",
    errno: -3008,
    syscall: "getaddrinfo",
    hostname,
  });
  process.nextTick(() => cb(error));
  return {};
};
