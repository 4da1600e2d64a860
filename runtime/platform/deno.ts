import type { Platform } from "./index.ts";

declare const Deno: {
  readFile(path: string | URL): Promise<Uint8Array>;
  env: { get(name: string): string | undefined };
};

export const denoPlatform: Platform = {
  readFile: (path) => Deno.readFile(path),
  env: (name) => {
    try {
      return Deno.env.get(name);
    } catch {
      // Without --allow-env, an unset variable is the honest answer.
      return undefined;
    }
  },
};
