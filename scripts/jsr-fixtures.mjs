// Stages the mock's recorded answers for JSR: `deno publish` takes files from this folder
// only, and they live beside the checkout (../shared/fixtures/recorded). Written compact, as
// plain JSON (not gzipped like dist/: a module loaded from jsr.io imports them by URL, and
// there is no file to read there) to fixtures/recorded/, which mock/seed finds at the same
// relative place as in dist/. Git-ignored; `npm run jsr:check` runs this first.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "..", "shared", "fixtures", "recorded");
const target = join(root, "fixtures", "recorded");
if (!existsSync(source)) throw new Error(`${source} is missing: the mock's recorded seed comes from there`);
rmSync(target, { recursive: true, force: true });
for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(target, relative(source, from));
  mkdirSync(dirname(to), { recursive: true });
  if (entry.name.endsWith(".json")) writeFileSync(to, JSON.stringify(JSON.parse(readFileSync(from, "utf8"))));
  else cpSync(from, to);
}
