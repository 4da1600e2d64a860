/**
 * Checks what a request sends against the operation tables and the spec's schemas:
 * query parameters (known, typed, in range, from the enum, required) and JSON bodies
 * (with a real JSON-schema validator, Ajv). Each failure is a 400 in the array's
 * `errors[]` shape, naming the parameter and saying what was expected.
 */
import { Ajv, type ValidateFunction } from "ajv";
import type { OperationInfo, ParamInfo } from "../spec/table.ts";
import { checkJsonDepth, DEFAULT_MAX_REQUEST_BYTES } from "./body.ts";
import { badRequest, MockHttpError, type MockRequest } from "./http.ts";
import { parseMultipart } from "./multipart.ts";
import type { Schema, VersionSpec } from "./spec.ts";

/** A query parameter value after parsing. */
export type QueryValue = string | number | boolean | string[] | number[] | boolean[];
/** Parsed, validated query parameters. */
export type Query = Record<string, QueryValue>;

function decode(raw: string, name: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    throw badRequest(`Query parameter '${name}' is not valid percent-encoding: '${raw}'.`, name);
  }
}

/**
 * Splits a raw query string. List elements are split on literal commas *before*
 * decoding, so `names=a,b%2Cc` is `["a", "b,c"]` (docs/protocol.md: each element is
 * percent-encoded); URLSearchParams would lose that distinction.
 */
export function splitQuery(search: string, listParams: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const text = search.startsWith("?") ? search.slice(1) : search;
  if (!text) return out;
  for (const part of text.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = decode(eq < 0 ? part : part.slice(0, eq), "?");
    const raw = eq < 0 ? "" : part.slice(eq + 1);
    const isList = listParams.includes(name);
    const values = isList
      ? raw === ""
        ? []
        : raw.split(",").map((v) => decode(v, name))
      : [decode(raw, name)];
    const list = out.get(name);
    if (list && !isList) {
      throw badRequest(`Query parameter '${name}' was given more than once.`, name);
    }
    out.set(name, [...(list ?? []), ...values]);
  }
  return out;
}

function scalar(param: ParamInfo, type: string, raw: string, opLabel: string): string | number | boolean {
  const name = param.name;
  let value: string | number | boolean;
  switch (type) {
    case "integer":
      if (!/^-?\d+$/.test(raw))
        throw badRequest(`Invalid value '${raw}' for '${name}': expected an integer.`, name);
      value = Number(raw);
      break;
    case "number":
      value = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(value)) {
        throw badRequest(`Invalid value '${raw}' for '${name}': expected a number.`, name);
      }
      break;
    case "boolean":
      if (raw !== "true" && raw !== "false") {
        throw badRequest(`Invalid value '${raw}' for '${name}': expected true or false.`, name);
      }
      value = raw === "true";
      break;
    default:
      value = raw;
  }
  if (param.enum && !param.enum.includes(value)) {
    throw badRequest(
      `Invalid value '${raw}' for '${name}' of ${opLabel}: expected one of ${param.enum.join(", ")}.`,
      name,
    );
  }
  if (typeof value === "number") {
    if (param.minimum !== undefined && value < param.minimum) {
      throw badRequest(`Invalid value ${value} for '${name}': must be at least ${param.minimum}.`, name);
    }
    if (param.maximum !== undefined && value > param.maximum) {
      throw badRequest(`Invalid value ${value} for '${name}': must be at most ${param.maximum}.`, name);
    }
  }
  return value;
}

/**
 * A Pure1 `x-quoted` value: `'…'` with `\\` and `'` escaped. Pure1 refuses a bare
 * string with 400, and so does the mock (the message is Pure1's).
 */
function unquote(name: string, raw: string): string {
  if (!/^'(?:[^'\\]|\\.)*'$/.test(raw)) {
    throw badRequest(
      `Invalid value for '${name}': String literals must be enclosed in single (') quotes, as in ${name}='value'.`,
      name,
    );
  }
  return raw.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** Parses and validates the query of a request against its operation. */
export function parseQuery(search: string, op: OperationInfo): Query {
  const opLabel = `${op.method.toUpperCase()} ${op.path}`;
  const raw = splitQuery(search, op.listParams);
  const known = new Map(op.query.map((p) => [p.name, p]));
  const query: Query = {};
  for (const [name, values] of raw) {
    const param = known.get(name);
    if (!param) {
      throw badRequest(
        `Unsupported query parameter '${name}' for ${opLabel}. Accepted: ${[...known.keys()].join(", ") || "none"}.`,
        name,
      );
    }
    const itemType = param.type === "array" ? (param.items ?? "string") : param.type;
    const unquoted =
      param.quoted && itemType === "string" ? values.map((v) => unquote(param.name, v)) : values;
    if (param.type === "array") {
      query[name] = unquoted.map((v) => scalar(param, itemType, v, opLabel)) as
        | string[]
        | number[]
        | boolean[];
    } else {
      query[name] = scalar(param, param.type, unquoted[0] ?? "", opLabel);
    }
  }
  for (const param of op.query) {
    if (param.required && !(param.name in query)) {
      throw badRequest(`Missing required query parameter '${param.name}' for ${opLabel}.`, param.name);
    }
  }
  return query;
}

// ------------------------------------------------------------------------------------------ bodies

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** Options of {@link createSchemaValidator}. */
export interface SchemaValidatorOptions {
  /**
   * Treat every typed schema as `nullable: true`. The vendor specs declare no
   * `nullable` at all, yet real arrays answer `null` for every unset field
   * (`continuation_token: null`, `space.shared: null` in the recorded answers), so
   * answers are checked with null allowed and everything else strict.
   */
  nullable?: boolean;
}

function withNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullable);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "example" || k === "description" ? v : withNullable(v);
  }
  if (typeof out.type === "string") out.nullable = true;
  return out;
}

/**
 * A JSON-schema validator over one version's `components.schemas`, compiling each
 * schema on first use.
 *
 * @example
 * ```ts
 * const validate = createSchemaValidator(spec.schemas, { nullable: true });
 * const errors = validate("VolumeGetResponse", body); // null when valid
 * ```
 */
export function createSchemaValidator(
  schemas: Record<string, Schema>,
  options: SchemaValidatorOptions = {},
): (schemaName: string, value: unknown) => string[] | null {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  for (const [name, [min, max]] of Object.entries(INT_RANGES)) {
    ajv.addFormat(name, {
      type: "number",
      validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
    });
  }
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  for (const name of [
    "float",
    "double",
    "integer",
    "binary",
    "byte",
    "password",
    "date-time",
    "date",
    "uri",
  ]) {
    ajv.addFormat(name, true);
  }
  const doc = { $id: "spec", components: { schemas: options.nullable ? withNullable(schemas) : schemas } };
  ajv.addSchema(doc as Record<string, unknown>);
  const compiled = new Map<string, ValidateFunction>();
  return (schemaName, value) => {
    let fn = compiled.get(schemaName);
    if (!fn) {
      fn = ajv.compile({ $ref: `spec#/components/schemas/${schemaName}` });
      compiled.set(schemaName, fn);
    }
    if (fn(value)) return null;
    return (fn.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  };
}

const bodyValidators = new WeakMap<VersionSpec, ReturnType<typeof createSchemaValidator>>();

/**
 * Reads and validates a JSON body, at most `maxBytes` long and at most
 * {@link checkJsonDepth}'s levels deep. Returns `undefined` when the operation takes no
 * body and none was sent.
 */
export async function parseBody(
  request: MockRequest,
  op: OperationInfo,
  spec: VersionSpec,
  maxBytes = DEFAULT_MAX_REQUEST_BYTES,
): Promise<unknown> {
  // Uploads (FB keytabs) are multipart, binary inside: read as bytes, not text.
  if (op.requestMediaTypes?.includes("multipart/form-data")) return parseMultipart(request, op, maxBytes);
  const text = await request.text(maxBytes);
  const label = `${op.method.toUpperCase()} ${op.path}`;
  if (!text.trim()) {
    if (op.body?.required) throw badRequest(`${label} needs a JSON request body.`, "body");
    return undefined;
  }
  if (!op.body) throw badRequest(`${label} takes no request body.`, "body");
  const type = request.headers.get("content-type") ?? "";
  if (!/json/i.test(type)) {
    throw new MockHttpError(415, [
      {
        context: "content-type",
        message: `Expected Content-Type application/json, got '${type || "none"}'.`,
      },
    ]);
  }
  checkJsonDepth(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw badRequest(`Malformed JSON request body: ${(e as Error).message}`, "body");
  }
  if (op.body.schema) {
    let validate = bodyValidators.get(spec);
    if (!validate) {
      validate = createSchemaValidator(spec.schemas);
      bodyValidators.set(spec, validate);
    }
    const errors = validate(op.body.schema, body);
    if (errors) {
      throw new MockHttpError(
        400,
        errors.slice(0, 10).map((message) => ({
          context: message.split(" ")[0]?.replace(/^\//, "").replace(/\//g, ".") || "body",
          message: `Invalid request body for ${label} (${op.body?.schema}): ${message}.`,
        })),
      );
    }
  }
  return body;
}
