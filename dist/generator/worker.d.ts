import type { Product } from "../spec/table.js";
import type { RawVersion } from "./product.js";
export interface WorkerJob {
    id: number;
    text: string;
    product: Product;
    version: string;
    source: string;
}
export type WorkerResult = {
    id: number;
    ok: true;
    raw: RawVersion;
    operations: number;
    authOperations: number;
} | {
    id: number;
    ok: false;
    code: string;
    message: string;
};
//# sourceMappingURL=worker.d.ts.map