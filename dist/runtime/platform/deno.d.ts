import type { Platform } from "./index.ts";
export declare const denoPlatform: Platform;
//# sourceMappingURL=deno.d.ts.map