import type { ProductProfile } from "../profile.ts";
import { type VersionSpec } from "../spec.ts";
import type { MockState } from "../state/store.ts";
import type { MockSeed } from "../types.ts";
/** Fixed creation time of generated objects (2024-01-01T00:00:00Z), so seeds never depend on the clock. */
export declare const SEED_EPOCH_MS = 1704067200000;
/** The fixtures folder beside the checkout: `<repo>/../shared/fixtures/recorded/`. */
export declare const DEFAULT_FIXTURES_DIR: URL;
/** Name of the i-th generated object of a path: `vol-000042`. */
export declare function seedName(path: string, index: number, count: number): string;
/** Id of the i-th generated object of a path. */
export declare function seedId(product: string, path: string, index: number): string;
/** Generic items: name, id and the lifecycle fields the schema declares. */
export declare function genericGenerator(state: MockState, spec: VersionSpec, path: string, count: number): void;
/** Applies a seed option. */
export declare function applySeed(profile: ProductProfile, state: MockState, spec: VersionSpec, seed: MockSeed, fixturesDir: string | URL): Promise<void>;
//# sourceMappingURL=index.d.ts.map