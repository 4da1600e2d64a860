/**
 * Operations whose bodies are not JSON, as the operation table records them
 * (`requestMediaTypes`, `formFields`, `download`): multipart uploads (FlashBlade
 * `POST /keytabs/upload`) and file downloads (`GET /keytabs/download`, `GET /logs`,
 * `GET /logs-async/download`). Also the typed `filter` parameter: a filter builder's
 * value (or a function of a builder typed by the collection's items) where the spec
 * types `filter` as a string.
 */
import type { OperationInfo } from "../spec/table.ts";
import { PurekitError } from "./errors.ts";
import { type Filter, type FilterBuilder, FilterExpression, f } from "./filter.ts";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** What one field of a multipart body takes: a file (`Blob`, `File`, bytes) or text. */
export type FormFieldValue = string | Blob | ArrayBuffer | Uint8Array;

/**
 * The body of a `multipart/form-data` operation: a `FormData` you built, or an object of its
 * fields (files as `Blob`/`File`/bytes, which are sent as file parts).
 */
export type UploadBody<B> = FormData | { [K in keyof B]: FormFieldValue };

/** How `parseAs` reads a download: a `Blob` unless the call asks for another form. */
export type Downloaded<Init> = Init extends { parseAs: "stream" }
  ? ReadableStream<Uint8Array>
  : Init extends { parseAs: "arrayBuffer" }
    ? ArrayBuffer
    : Init extends { parseAs: "text" }
      ? string
      : Blob;

/** Whether an operation's success answer is a file: its spec offers `application/octet-stream`. */
export type IsDownload<Op> = Op extends { responses: { 200: { content: infer C } } }
  ? "application/octet-stream" extends keyof C
    ? true
    : false
  : false;

type ItemOf<Op> = Op extends { responses: { 200: { content: { "application/json": infer J } } } }
  ? J extends { items?: (infer I)[] }
    ? I
    : unknown
  : unknown;

/**
 * What the `filter` query parameter takes: the wire string, a filter built with `f` or
 * `filterFor<Item>()`, or a function that builds one from a builder typed by the
 * collection's items (field names and value types checked at compile time).
 *
 * @example
 * ```ts
 * await fa.getVolumes({ filter: f.gte("provisioned", 2 ** 30) });
 * await fa.getVolumes({ filter: (v) => v.gte("provisioned", 2 ** 30).and(v.eq("destroyed", false)) });
 * ```
 */
export type FilterParam<Item> =
  | string
  | Filter<unknown>
  | Filter<Item>
  | ((builder: FilterBuilder<Item>) => Filter<Item> | Filter<unknown>);

type RelaxQuery<Q, Item> = [Q] extends [never]
  ? Q
  : "filter" extends keyof Q
    ? { [K in keyof Q]: K extends "filter" ? FilterParam<Item> : Q[K] }
    : Q;

type RelaxParams<P, Item> = [P] extends [never]
  ? P
  : { [K in keyof P]: K extends "query" ? RelaxQuery<NonNullable<P[K]>, Item> : P[K] };

type RelaxContent<C> = { [K in keyof C]: K extends "multipart/form-data" ? UploadBody<C[K]> : C[K] };
type RelaxBody<R> = [R] extends [never]
  ? R
  : R extends { content: infer C }
    ? { [K in keyof R]: K extends "content" ? RelaxContent<C> : R[K] }
    : R;

/**
 * An operation as purekit's calls take it: `filter` as {@link FilterParam}, multipart bodies
 * as {@link UploadBody}; everything else as generated.
 */
export type RelaxOperation<Op> = {
  [K in keyof Op]: K extends "parameters"
    ? RelaxParams<Op[K], ItemOf<Op>>
    : K extends "requestBody"
      ? RelaxBody<Op[K]>
      : Op[K];
};

/** A path item with its method `M`'s operation relaxed (see {@link RelaxOperation}). */
export type RelaxPathItem<Item, M> = {
  [K in keyof Item]: K extends M ? RelaxOperation<Item[K]> : Item[K];
};

// ---------------------------------------------------------------------------------------------
// Run time
// ---------------------------------------------------------------------------------------------

const MULTIPART = "multipart/form-data";

function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? (value.constructor?.name ?? "an object") : typeof value;
}

/** A `filter` value as the wire takes it: builders' values and functions resolved. */
export function resolveFilter(value: unknown, where: string): unknown {
  if (typeof value !== "function") return value;
  const built = (value as (b: FilterBuilder<unknown>) => unknown)(f);
  if (!(built instanceof FilterExpression) && typeof built !== "string") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `${where}: the filter function returned ${show(built)}; return a filter built with the builder it is given, e.g. (v) => v.eq("name", "x").`,
    );
  }
  return built;
}

/** The fields of an object body as a FormData: files as file parts, text as text parts. */
function toFormData(op: OperationInfo, body: unknown, where: string): FormData {
  if (body instanceof FormData) return body;
  const fields = op.formFields ?? [];
  const names = fields.map((x) => x.name).join(", ");
  if (typeof body !== "object" || body === null || Array.isArray(body) || body instanceof Blob) {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `${where} uploads a multipart/form-data body: give a FormData or an object of its fields (${names}), got ${show(body)}.`,
    );
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (fields.length && !fields.some((x) => x.name === name)) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `${where}: the multipart body has no field "${name}"; its fields are ${names}.`,
      );
    }
    if (typeof value === "string") form.append(name, value);
    else if (value instanceof Blob) form.append(name, value, (value as File).name || name);
    else if (value instanceof ArrayBuffer || value instanceof Uint8Array) {
      form.append(name, new Blob([value as BlobPart]), name);
    } else {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `${where}: the field "${name}" must be a Blob, File, Uint8Array, ArrayBuffer or string, got ${show(value)}.`,
      );
    }
  }
  for (const field of fields) {
    if (field.required && !form.has(field.name)) {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `${where}: the multipart body needs the field "${field.name}" (the file to upload).`,
      );
    }
  }
  return form;
}

/**
 * A call's init adjusted to its operation: a `filter` function resolved, a multipart body
 * encoded as FormData (so the request carries its boundary), and downloads read as a Blob
 * unless the call asks for `parseAs` itself, asked for with the file's media types in `Accept`.
 *
 * @example
 * ```ts
 * prepareInit(table.operations.find((o) => o.name === "getLogs"), {}, "GET /logs"); // { parseAs: "blob" }
 * ```
 */
export function prepareInit(
  op: OperationInfo | undefined,
  init: Record<string, unknown>,
  where: string,
): Record<string, unknown> {
  let out = init;
  const params = init.params as { query?: Record<string, unknown> } | undefined;
  if (typeof params?.query?.filter === "function") {
    const filter = resolveFilter(params.query.filter, where);
    out = { ...out, params: { ...params, query: { ...params.query, filter } } };
  }
  if (!op) return out;
  if (out.body !== undefined && op.requestMediaTypes?.includes(MULTIPART)) {
    out = { ...out, body: toFormData(op, out.body, where) };
  }
  if (op.download) {
    if (out.parseAs === undefined) out = { ...out, parseAs: "blob" };
    // The file's own media types, not the default `application/json`: FB's keytab download
    // offers only application/octet-stream and text/plain (base64).
    const headers = new Headers(out.headers as HeadersInit | undefined);
    if (!headers.has("accept") && op.responseMediaTypes?.length) {
      headers.set("accept", op.responseMediaTypes.join(", "));
      out = { ...out, headers };
    }
  }
  return out;
}
