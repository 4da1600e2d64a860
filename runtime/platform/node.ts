import { readFile } from "node:fs/promises";
import type { Platform } from "./index.ts";

export const nodePlatform: Platform = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  env: (name) => process.env[name],
};
