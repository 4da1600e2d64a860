// Compile-only checks (the project's `tsc`, part of `npm test`): each product's compact
// newest version (types/latest.d.ts, what `purekit/flasharray`… type their clients with)
// has the same types as the pooled file of that version, member for member.
//
// Assignability would not do: openapi-typescript makes nearly every property optional,
// so two different schemas are often assignable both ways. The checks use TypeScript's
// identity relation (`Eq`), which compares each property's type, optionality and
// readonly-ness. The compact file writes parameter blocks as `Pick<…> & Pick<…>` and
// responses through generic aliases, which identity does not equate with an object
// literal as such, so both sides are first rebuilt as plain object types (`Flat`, a
// homomorphic mapped type that keeps modifiers) down to the parameters and media types.
import type * as FaPooled from "../../generated/flasharray/types/2.56.js";
import type * as FaLatest from "../../generated/flasharray/types/latest.js";
import type * as FbPooled from "../../generated/flashblade/types/2.28.js";
import type * as FbLatest from "../../generated/flashblade/types/latest.js";
import type * as P1Pooled from "../../generated/pure1/types/1.6.js";
import type * as P1Latest from "../../generated/pure1/types/latest.js";

const check = <T extends true>(): T | undefined => undefined;

type Eq<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };
type Flat2<T> = { [K in keyof T]: Flat<T[K]> };
type Flat3<T> = { [K in keyof T]: Flat2<T[K]> };

/** An operation (or `never`), rebuilt down to each parameter and each response's media types. */
type Operation<O> = [O] extends [never]
  ? never
  : {
      [K in keyof O]: K extends "parameters"
        ? Flat2<O[K]>
        : K extends "responses"
          ? Flat3<O[K]>
          : Flat2<O[K]>;
    };
type Item<I> = { [K in keyof I]: K extends "parameters" ? Flat2<I[K]> : Operation<I[K]> };

/** `true` when X and Y have the same keys and `Cmp` holds for each member; `boolean` or `false` otherwise. */
type EachItem<X, Y> = {
  [K in keyof X | keyof Y]: K extends keyof X & keyof Y ? Eq<Item<X[K]>, Item<Y[K]>> : false;
}[keyof X | keyof Y];
type Each<X, Y> = {
  [K in keyof X | keyof Y]: K extends keyof X & keyof Y ? Eq<X[K], Y[K]> : false;
}[keyof X | keyof Y];

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
