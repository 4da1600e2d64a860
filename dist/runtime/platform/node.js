import { readFile } from "node:fs/promises";
export const nodePlatform = {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    env: (name) => process.env[name],
};
//# sourceMappingURL=node.js.map