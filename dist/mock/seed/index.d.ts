import type { ProductProfile } from "../profile.js";
import { type VersionSpec } from "../spec.js";
import type { MockState } from "../state/store.js";
import type { MockSeed } from "../types.js";
/** Fixed creation time of generated objects (2024-01-01T00:00:00Z), so seeds never depend on the clock. */
export declare const SEED_EPOCH_MS = 1704067200000;
/**
 * Where the recorded answers are looked for, in order: inside the installed package
 * (`dist/fixtures/recorded/`, copied there by the build), then beside a checkout
 * (`<repo>/../shared/fixtures/recorded/`).
 */
export declare const DEFAULT_FIXTURES_DIRS: readonly URL[];
/** Name of the i-th generated object of a path: `vol-000042`. */
export declare function seedName(path: string, index: number, count: number): string;
/** Id of the i-th generated object of a path. */
export declare function seedId(product: string, path: string, index: number): string;
/** Generic items: name, id and the lifecycle fields the schema declares. */
export declare function genericGenerator(state: MockState, spec: VersionSpec, path: string, count: number): void;
/** Applies a seed option. */
export declare function applySeed(profile: ProductProfile, state: MockState, spec: VersionSpec, seed: MockSeed, fixturesDir: string | URL | readonly URL[]): Promise<void>;
//# sourceMappingURL=index.d.ts.map