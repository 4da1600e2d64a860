import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { PUREKIT_VERSION } from "../../runtime/version.ts";
import { REPO_ROOT } from "../../spec/index.ts";

it("the User-Agent version is package.json's", () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
  expect(PUREKIT_VERSION).toBe(pkg.version);
});
