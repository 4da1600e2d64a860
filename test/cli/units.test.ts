/**
 * The CLI's pieces in-process: the array's address on the runtime's host parsing (with the
 * command line's stricter rules and its own messages), and the parseArgs → help →
 * positionals helper every command starts with.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseCommand } from "../../cli/args.ts";
import { originOf } from "../../cli/network.ts";
import { normalizeBaseUrl } from "../../runtime/client.ts";
import { PurekitError } from "../../runtime/errors.ts";

describe("originOf (--host, --url)", () => {
  it.each([
    ["array", "https://array"],
    ["array:8443", "https://array:8443"],
    [" array ", "https://array"],
    ["10.0.0.5", "https://10.0.0.5"],
    ["1.2.3.4:443", "https://1.2.3.4"],
    ["::1", "https://[::1]"],
    ["fd00::10", "https://[fd00::10]"],
    ["[::1]:8443", "https://[::1]:8443"],
    ["https://array", "https://array"],
    ["HTTPS://Array.Example.com:443/", "https://array.example.com"],
    ["bücher.example", "https://xn--bcher-kva.example"],
  ])("%j → %s, as the runtime reads it", (host, origin) => {
    expect(originOf(host)).toBe(origin);
    expect(new URL(normalizeBaseUrl(host)).origin).toBe(origin);
  });

  it.each([
    ["http://array", /^--host http:\/\/array: plain http would send credentials in the clear/],
    ["u:p@array", /^--host must not carry credentials$/],
    ["https://u@array", /^--host must not carry credentials$/],
    ["array/api", /^--host "array\/api" has a path; give only the host \(and port\)/],
    ["https://array/api/", /has a path/],
    ["array?x", /has a path/],
    ["array#f", /has a path/],
    ["", /^--host "" is not a host name, address or https URL$/],
    ["a b", /is not a host name, address or https URL$/],
    ["array:99999", /is not a host name/],
    ["fe80::1%eth0", /is not a host name/],
    ["ftp://x", /is not a host name/],
  ])("%j is a usage error: %s", (host, message) => {
    const error = (() => {
      try {
        originOf(host);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PurekitError);
    expect((error as PurekitError).code).toBe("ERR_INVALID_ARGUMENT");
    expect((error as PurekitError).message).toMatch(message);
  });

  it("names the option it checks", () => {
    expect(() => originOf("array/x", "--url")).toThrow(/^--url "array\/x" has a path/);
  });
});

describe("parseCommand", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const options = { out: { type: "string", short: "o" }, force: { type: "boolean" } } as const;

  it("returns parseArgs' values for the command's options", () => {
    const args = parseCommand(["-o", "k.pem", "--force"], { name: "keygen", help: "HELP", options });
    expect(args?.values).toEqual({ out: "k.pem", force: true });
    expect(args?.positionals).toEqual([]);
  });

  it("prints the help for -h and --help and returns undefined, before checking arguments", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(parseCommand(["--help"], { name: "keygen", help: "HELP TEXT", options })).toBeUndefined();
    expect(parseCommand(["stray", "-h"], { name: "keygen", help: "HELP TEXT", options })).toBeUndefined();
    expect(log.mock.calls).toEqual([["HELP TEXT"], ["HELP TEXT"]]);
  });

  it("refuses stray arguments by default, naming the command", () => {
    expect(() => parseCommand(["stray"], { name: "token pure1", help: "", options })).toThrow(
      /^purekit token pure1 takes no arguments, only options\. See --help\.$/,
    );
  });

  it('"some" hands the arguments over; "refused" leaves them to parseArgs\' own error', () => {
    const some = parseCommand(["list", "x"], { name: "spec", help: "", options, positionals: "some" });
    expect(some?.positionals).toEqual(["list", "x"]);
    expect(() =>
      parseCommand(["stray"], { name: "generate", help: "", options, positionals: "refused" }),
    ).toThrow(expect.objectContaining({ code: "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" }));
  });

  it("unknown options stay parseArgs' errors (purekit.ts turns them into exit 2)", () => {
    expect(() => parseCommand(["--frobnicate"], { name: "keygen", help: "", options })).toThrow(
      expect.objectContaining({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" }),
    );
  });
});
