// Compile-only checks (the project's `tsc`, part of `npm test`): each product's compact
// newest version (types/latest.d.ts, what `purekit/flasharray`… type their clients with)
// has the same types as the pooled file of that version, member for member.
// The comparison itself is in same-types.ts.
import type * as FaPooled from "../../generated/flasharray/types/2.56.js";
import type * as FaEntry from "../../generated/flasharray/types/entry/2.56/2.56.js";
import type * as FaLatest from "../../generated/flasharray/types/latest.js";
import type { PathsByVersion as FaPaths } from "../../generated/flasharray/types/versions.js";
import type * as FbPooled from "../../generated/flashblade/types/2.28.js";
import type * as FbLatest from "../../generated/flashblade/types/latest.js";
import type * as P1Pooled from "../../generated/pure1/types/1.6.js";
import type * as P1Latest from "../../generated/pure1/types/latest.js";
import type { Each, EachItem, Eq, Item, Operation } from "./same-types.ts";

const check = <T extends true>(): T | undefined => undefined;

interface Version {
  paths: unknown;
  components: { schemas: unknown; parameters: unknown; responses: unknown };
  OperationsByName: unknown;
}
type Agree<L extends Version, P extends Version> = [
  EachItem<L["paths"], P["paths"]>,
  Each<L["components"]["schemas"], P["components"]["schemas"]>,
  Each<L["components"]["parameters"], P["components"]["parameters"]>,
  Each<L["components"]["responses"], P["components"]["responses"]>,
  Each<L["OperationsByName"], P["OperationsByName"]>,
] extends [true, true, true, true, true]
  ? true
  : false;

check<
  Agree<
    { paths: FaLatest.paths; components: FaLatest.components; OperationsByName: FaLatest.OperationsByName },
    { paths: FaPooled.paths; components: FaPooled.components; OperationsByName: FaPooled.OperationsByName }
  >
>();
check<
  Agree<
    { paths: FbLatest.paths; components: FbLatest.components; OperationsByName: FbLatest.OperationsByName },
    { paths: FbPooled.paths; components: FbPooled.components; OperationsByName: FbPooled.OperationsByName }
  >
>();
check<
  Agree<
    { paths: P1Latest.paths; components: P1Latest.components; OperationsByName: P1Latest.OperationsByName },
    { paths: P1Pooled.paths; components: P1Pooled.components; OperationsByName: P1Pooled.OperationsByName }
  >
>();
check<Eq<keyof FaLatest.DataPaths, keyof FaPooled.DataPaths>>();
// `purekit/flasharray/2.56` and the version map's "2.56" are the compact file's own types,
// the very ones the default client has (not a twin compared member by member).
check<Eq<FaEntry.DataPaths, FaLatest.DataPaths>>();
check<Eq<FaPaths["2.56"], FaLatest.DataPaths>>();
check<Eq<FaPaths["2.55"], FaLatest.DataPaths> extends false ? true : false>();

// The comparison can fail. A different operation, a path missing, a parameter made
// optional or a block of them made optional each show.
type FaL = FaLatest.paths;
type FaP = FaPooled.paths;
check<Eq<Item<FaL["/volumes"]>, Item<FaP["/hosts"]>> extends false ? true : false>();
check<EachItem<Omit<FaL, "/volumes">, FaP> extends true ? false : true>();
type VolumesPost = FaP["/volumes"]["post"];
type Query = NonNullable<VolumesPost["parameters"]["query"]>;
check<
  Eq<
    Operation<FaL["/volumes"]["post"]>,
    Operation<
      Omit<VolumesPost, "parameters"> & {
        parameters: Omit<VolumesPost["parameters"], "query"> & { query: Partial<Query> };
      }
    >
  > extends false
    ? true
    : false
>();
check<
  Eq<
    Operation<FaL["/volumes"]["post"]>,
    Operation<Omit<VolumesPost, "parameters"> & { parameters?: VolumesPost["parameters"] }>
  > extends false
    ? true
    : false
>();
// …and a schema with one property fewer, although assignable both ways, is not the same.
type Volume = FaPooled.components["schemas"]["Volume"];
check<Eq<FaLatest.components["schemas"]["Volume"], Omit<Volume, "name">> extends false ? true : false>();
