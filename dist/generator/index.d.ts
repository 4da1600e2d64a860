import { PurekitError } from "../runtime/errors.js";
import { type Manifest, type ResolveOptions, type SpecEntry } from "../spec/index.js";
import type { Product } from "../spec/table.js";
export type * from "../spec/table.js";
export { friendlyName } from "./names.js";
export declare const DEFAULT_OUT_DIR: string;
export interface GenerateOptions extends ResolveOptions {
    product?: Product | undefined;
    /** A version, `latest`, or `all` (default). */
    version?: string | undefined;
    /** Report stale or missing output instead of generating. */
    check?: boolean;
    /** Regenerate even when up to date. */
    force?: boolean;
    outDir?: string;
    /** Worker threads; default one per core. */
    concurrency?: number;
    manifest?: Manifest;
    onProgress?: (event: ProgressEvent) => void;
}
export type ProgressEvent = {
    type: "start";
    total: number;
    stale: number;
} | {
    type: "begin";
    entry: SpecEntry;
} | {
    type: "done";
    entry: SpecEntry;
    done: number;
    total: number;
    ms: number;
    operations: number;
} | {
    type: "failed";
    entry: SpecEntry;
    done: number;
    total: number;
    message: string;
};
export interface GenerateSummary {
    selected: number;
    generated: SpecEntry[];
    skipped: number;
    /** Stale or missing (with `check`), or failed. */
    stale: SpecEntry[];
    failures: {
        entry: SpecEntry;
        code: string;
        message: string;
    }[];
    ms: number;
}
/** Hash of the generator's own code and of the tools it runs: a change to any of them makes output stale. */
export declare function generatorHash(): Promise<string>;
/** Which specs a `--product`/`--version` pair selects. */
export declare function selectSpecs(options: Pick<GenerateOptions, "product" | "version" | "manifest">): SpecEntry[];
/**
 * Generates typed clients and operation tables.
 *
 * @example
 * ```ts
 * const summary = await generate({ product: "flasharray", version: "latest" });
 * console.log(summary.generated.length, "generated,", summary.skipped, "up to date");
 * ```
 */
export declare function generate(options?: GenerateOptions): Promise<GenerateSummary>;
/** Where a version's raw worker output is kept between runs (not shipped: the pooled product output is). */
export declare function rawDir(outDir: string, product: Product, version: string): string;
export { PurekitError };
//# sourceMappingURL=index.d.ts.map