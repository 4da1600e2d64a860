// The mock's recorded answers, as each package ships them. They live beside the checkout
// (../shared/fixtures/recorded) and are read with JSON.parse only, so they are written
// compact; their notice goes as it is. mock/seed finds them at the same place relative to
// itself in both packages:
//   - npm (scripts/build.mjs): dist/fixtures/recorded/, gzipped (1.6 MB is 0.16 MB;
//     mock/seed reads `<file>.gz` where `<file>` is absent);
//   - JSR (scripts/jsr-fixtures.mjs): fixtures/recorded/, plain JSON, since a module loaded
//     from jsr.io imports them by URL and there is no file to read there.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Writes the recorded answers to `target` (emptied first), gzipped or as plain JSON. */
export function stageFixtures(target, { gzip }) {
  const source = join(root, "..", "shared", "fixtures", "recorded");
  if (!existsSync(source)) throw new Error(`${source} is missing: the mock's recorded seed ships from there`);
  rmSync(target, { recursive: true, force: true });
  for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(target, relative(source, from));
    mkdirSync(dirname(to), { recursive: true });
    if (!entry.name.endsWith(".json")) writeFileSync(to, readFileSync(from));
    else {
      const compact = JSON.stringify(JSON.parse(readFileSync(from, "utf8")));
      if (gzip) writeFileSync(`${to}.gz`, gzipSync(compact, { level: 9 }));
      else writeFileSync(to, compact);
    }
  }
}
