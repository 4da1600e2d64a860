import type { Platform } from "./index.ts";
export declare const nodePlatform: Platform;
//# sourceMappingURL=node.d.ts.map