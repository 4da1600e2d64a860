/**
 * The known trap: importing msw's Node interception under Deno keeps `deno run`
 * from exiting. The mocks use msw's core `getResponse` only; this proves a Deno
 * process that uses them (in-process and through Deno.serve) exits by itself.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const deno = `${root}node_modules/.bin/deno`;

describe.skipIf(!existsSync(deno))("Deno", () => {
  it("runs a script using the mocks and exits by itself within 20 s", { timeout: 60_000 }, async () => {
    const started = Date.now();
    const child = spawn(deno, ["run", "-A", "test/mock/deno-exit.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve("timeout: the Deno process did not exit by itself within 20 s");
      }, 20_000);
      child.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c ?? -1);
      });
    });
    expect(code, out).toBe(0);
    expect(out).toMatch(/deno ok: 10 volumes in-process, 3 over Deno.serve, token 200/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
