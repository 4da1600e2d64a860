import type { Platform } from "./index.js";
export declare const denoPlatform: Platform;
//# sourceMappingURL=deno.d.ts.map