/**
 * Pure1: a small deterministic fleet (arrays, their volumes), the metric catalogue
 * and `GET /metrics/history` with synthetic, deterministic series: the same query
 * always answers the same points, aligned to the resolution, with a daily cycle.
 */
import { type DataHandler } from "../collections.js";
import type { SeedGenerator } from "../profile.js";
/** Points one history answer may hold; beyond it the call is refused, as Pure1 does for wide windows. */
export declare const MAX_POINTS = 10000;
/** The deterministic value of a series at a time. */
export declare function metricValue(metric: string, resource: string, aggregation: string, time: number, scale: number): number;
export declare const pure1Semantics: Record<string, DataHandler>;
export declare const pure1Generators: Record<string, SeedGenerator>;
//# sourceMappingURL=pure1.d.ts.map