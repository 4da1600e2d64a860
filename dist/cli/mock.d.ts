import type { FaultSpec } from "../mock/faults.js";
type Product = "flasharray" | "flashblade" | "pure1";
/** `2.0-2.38`, `2.30,2.31` or `2.56` → versions that are generated. */
export declare function parseVersions(product: Product, text: string): string[];
/** `path=/volumes,status=503,times=2` → a fault. */
export declare function parseFault(text: string): FaultSpec;
/**
 * The warning printed when the server listens beyond loopback (`--host 0.0.0.0`, a LAN
 * address…); `null` for 127.0.0.0/8, ::1 and localhost.
 */
export declare function exposureWarning(host: string): string | null;
/** The `purekit mock` command. Returns the exit code. */
export declare function run(argv: string[]): Promise<number>;
export {};
//# sourceMappingURL=mock.d.ts.map