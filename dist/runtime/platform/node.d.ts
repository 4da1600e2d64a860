import type { Platform } from "./index.js";
export declare const nodePlatform: Platform;
//# sourceMappingURL=node.d.ts.map