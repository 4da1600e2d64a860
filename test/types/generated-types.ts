// Compile-only checks of the generated types (type-checked by test/generator/real-specs.test.ts).
import type { DataPaths, OperationsByName } from "../../generated/flasharray/types/2.56.js";
import type {
  ComponentsByVersion as FaComponents,
  PathsByVersion as FaPaths,
} from "../../generated/flasharray/types/versions.js";
import type { DataPaths as FbPaths } from "../../generated/flashblade/types/2.28.js";
import type { DataPaths as Pure1Paths } from "../../generated/pure1/types/1.6.js";

type Eq<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const check = <T extends true>(): T | undefined => undefined;

// Version-free paths exist; prefixed ones do not; auth endpoints are not data paths.
check<"/volumes" extends keyof DataPaths ? true : false>();
check<"/api/2.56/volumes" extends keyof DataPaths ? false : true>();
check<"/api/2.56/login" extends keyof DataPaths ? false : true>();
check<"/file-systems" extends keyof FbPaths ? true : false>();
check<"/api/login" extends keyof FbPaths ? false : true>();
check<"/arrays" extends keyof Pure1Paths ? true : false>();

// A GET /volumes call needs no header parameters: the runtime supplies Authorization and X-Request-ID.
const params: DataPaths["/volumes"]["get"]["parameters"] = { query: { names: ["v1"], limit: 10 } };
const postParams: DataPaths["/volumes"]["post"]["parameters"] = { query: { names: ["v2"] } };
// @ts-expect-error names is a list, not a string
const wrong: NonNullable<DataPaths["/volumes"]["get"]["parameters"]["query"]> = { names: "v1" };
check<
  Eq<OperationsByName["postHostsProtectionGroups"], { path: "/hosts/protection-groups"; method: "post" }>
>();
check<Eq<OperationsByName["getVolumes"], { path: "/volumes"; method: "get" }>>();

// Every version keeps its exact types although versions share their declarations:
// PATCH /fleets appeared in FA 2.38, so 2.37 does not have it…
type IsNever<T> = [T] extends [never] ? true : false;
check<IsNever<NonNullable<FaPaths["2.37"]["/fleets"]["patch"]>>>();
check<IsNever<NonNullable<FaPaths["2.38"]["/fleets"]["patch"]>> extends false ? true : false>();
// …and Alert gained `context` in 2.38: each version has its own shape of the shared schema.
check<"context" extends keyof FaComponents["2.38"]["schemas"]["Alert"] ? true : false>();
check<"context" extends keyof FaComponents["2.37"]["schemas"]["Alert"] ? false : true>();
check<"severity" extends keyof FaComponents["2.37"]["schemas"]["Alert"] ? true : false>();
// A shared entry resolves references through its own version: a 2.0 volume listing has no `pod` priority fields of 2.56.
check<
  Eq<FaComponents["2.0"]["schemas"]["Volume"], FaComponents["2.56"]["schemas"]["Volume"]> extends false
    ? true
    : false
>();

export { params, postParams, wrong };
