#!/usr/bin/env node
/**
 * The `purekit` command line: a thin shell over the generator, the spec
 * registry, the mock server and the token factory.
 */
import { PurekitError } from "../runtime/errors.js";
const USAGE = `purekit — TypeScript toolkit for Pure Storage FlashArray, FlashBlade and Pure1 REST APIs

Usage: purekit <command> [options]

Commands:
  generate [--product P] [--version V|latest|all] [--check] [--force]
                         generate typed clients and operation tables into generated/
  spec list [--product P]          list the known REST versions
  spec add <file> [--product P] [--version V] [--url U]
                         add a new spec file's version to spec/manifest.json
  keygen [--out private.pem] [--password]
                         create an RSA key pair; print the public key to register
  token pure1|flasharray|flashblade|api [options]
                         a Pure1 JWT or access token, an array access token from an
                         API client, or an API token from username and password
  mock flasharray|flashblade|pure1 [--port 8443] [--versions 2.0-2.38] [--http] ...
                         serve a stateful mock array over HTTPS for any client
  mock record --target URL --out DIR
                         a recording proxy: replay your array with mock --seed DIR

Run \`purekit <command> --help\` for a command's options.
Exit codes: 0 success, 1 failure (or stale output with --check), 2 bad usage.`;
const commands = {
    generate: () => import("./generate.js"),
    spec: () => import("./spec.js"),
    keygen: () => import("./keygen.js"),
    token: () => import("./token.js"),
    mock: () => import("./mock.js"),
};
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === "--help" || name === "-h" || name === "help") {
        console.log(USAGE);
        return name ? 0 : 2;
    }
    const load = commands[name];
    if (!load) {
        console.error(`purekit: unknown command "${name}"\n\n${USAGE}`);
        return 2;
    }
    let command;
    try {
        command = await load();
    }
    catch (e) {
        // msw and openapi-typescript are optional peers: say which to install instead of a stack trace.
        const missing = /Cannot find (?:package|module) '(msw|openapi-typescript|typescript)'/.exec(String(e.message));
        if (e.code === "ERR_MODULE_NOT_FOUND" && missing) {
            throw new PurekitError("ERR_MISSING_DEPENDENCY", `purekit ${name} needs ${missing[1]}, an optional dependency that is not installed. Run: npm install --save-dev ${missing[1] === "msw" ? "msw" : "openapi-typescript typescript"}`);
        }
        throw e;
    }
    return command.run(rest);
}
try {
    process.exitCode = await main(process.argv.slice(2));
}
catch (e) {
    if (e instanceof PurekitError) {
        console.error(`purekit: ${e.message} [${e.code}]`);
        process.exitCode = e.code === "ERR_INVALID_ARGUMENT" ? 2 : 1;
    }
    else if (e.code?.startsWith("ERR_PARSE_ARGS")) {
        console.error(`purekit: ${e.message}. See --help.`);
        process.exitCode = 2;
    }
    else {
        throw e;
    }
}
//# sourceMappingURL=purekit.js.map