// Type-level comparison of two renderings of one API (openapi-typescript's `paths` shape),
// shared by test/types/latest-types.ts and test/generator/latest.test.ts.
//
// Assignability would not do: openapi-typescript makes nearly every property optional,
// so two different schemas are often assignable both ways. These use TypeScript's
// identity relation (`Eq`), which compares each property's type, optionality and
// readonly-ness. A compact rendering writes parameter blocks as `Pick<…> & Pick<…>` and
// responses through generic aliases, which identity does not equate with an object
// literal as such, so both sides are first rebuilt as plain object types (`Flat`, a
// homomorphic mapped type that keeps modifiers) down to the parameters and media types.

export type Eq<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Flat<T> = { [K in keyof T]: T[K] };
type Flat2<T> = { [K in keyof T]: Flat<T[K]> };
type Flat3<T> = { [K in keyof T]: Flat2<T[K]> };

/** An operation (or `never`), rebuilt down to each parameter and each response's media types. */
export type Operation<O> = [O] extends [never]
  ? never
  : { [K in keyof O]: K extends "responses" ? Flat3<O[K]> : Flat2<O[K]> };
/** A path item, rebuilt likewise. */
export type Item<I> = { [K in keyof I]: K extends "parameters" ? Flat2<I[K]> : Operation<I[K]> };

/** `true` when X and Y have the same keys and each member is `Eq`; `boolean` or `false` otherwise. */
export type Each<X, Y> = {
  [K in keyof X | keyof Y]: K extends keyof X & keyof Y ? Eq<X[K], Y[K]> : false;
}[keyof X | keyof Y];
/** The same for two `paths`, each path item rebuilt with `Item` first. */
export type EachItem<X, Y> = {
  [K in keyof X | keyof Y]: K extends keyof X & keyof Y ? Eq<Item<X[K]>, Item<Y[K]>> : false;
}[keyof X | keyof Y];
