/**
 * Spec → (document for openapi-typescript, operation table). Pure functions on
 * the parsed document; no I/O, so unit tests drive them with small fixtures.
 */
import { PurekitError } from "../runtime/errors.ts";
import type {
  FormField,
  HttpMethod,
  OperationInfo,
  OperationTable,
  PaginationInfo,
  ParamInfo,
  Product,
} from "../spec/table.ts";
import { friendlyName } from "./names.ts";

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped JSON
type Json = any;

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch"];

/**
 * Header parameters the runtime supplies on every call. Operations declare
 * them (FA declares `Authorization` as a plain header parameter), but a user
 * should never have to pass them to satisfy the types.
 */
export const RUNTIME_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "x-auth-token",
  "api-token",
  "x-request-id",
]);

/** Endpoints under the version prefix that belong to auth, not data. */
const VERSIONED_AUTH: ReadonlySet<string> = new Set(["/login", "/logout"]);

export interface PreparedSpec {
  /** The document handed to openapi-typescript: version-free data paths, runtime headers removed. */
  doc: Json;
  table: OperationTable;
  /** Full paths of the auth and unversioned endpoints, as kept in `paths`. */
  authPaths: string[];
}

function invalid(source: string, what: string): PurekitError {
  return new PurekitError("ERR_SPEC_INVALID", `${source}: ${what}`);
}

/** Follows a local JSON pointer (`#/components/schemas/Volume`); undefined when it does not resolve. */
export function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith("#")) return undefined;
  let node = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function deref(doc: Json, node: Json): Json {
  let n = node;
  for (let i = 0; n && typeof n === "object" && typeof n.$ref === "string" && i < 32; i++) {
    n = resolvePointer(doc, n.$ref);
  }
  return n;
}

/** A node met by checkRefs; its path is spelled out only for an error. */
interface Frame {
  node: Json;
  up: Frame | undefined;
  key: string;
}

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.up; f = f.up)
    keys.push(f.key.replace(/~/g, "~0").replace(/\//g, "~1"));
  return ["#", ...keys.reverse()].join("/");
}

/** Every `$ref` must point inside the document: external files are not published beside the specs. */
function checkRefs(doc: Json, source: string): void {
  // Each distinct ref is resolved once, and no path string is built unless one is broken:
  // a large spec has ~100,000 nodes and few distinct refs.
  const resolves = new Set<string>();
  const stack: Frame[] = [{ node: doc, up: undefined, key: "" }];
  while (stack.length) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        if (v && typeof v === "object") stack.push({ node: v, up: frame, key: String(i) });
      });
      continue;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") {
        if (resolves.has(v)) continue;
        if (resolvePointer(doc, v) === undefined) {
          throw invalid(
            source,
            `broken $ref "${v}" at ${pointerOf(frame)} (only references inside the document are supported)`,
          );
        }
        resolves.add(v);
      } else if (v && typeof v === "object") {
        stack.push({ node: v, up: frame, key: k });
      }
    }
  }
}

/** Flattens `allOf` and `$ref` to find whether a response schema has an `items` property. */
function schemaHasProperty(doc: Json, schema: Json, prop: string, depth = 0): boolean {
  const s = deref(doc, schema);
  if (!s || typeof s !== "object" || depth > 16) return false;
  if (s.properties && prop in s.properties) return true;
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(s[key]) && s[key].some((sub: Json) => schemaHasProperty(doc, sub, prop, depth + 1)))
      return true;
  }
  return false;
}

function refName(schema: Json): string | null {
  const ref = schema?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice(21) : null;
}

/** A schema that is a file: `type: string, format: binary` (through `$ref`s). */
function isBinary(doc: Json, schema: Json): boolean {
  const s = deref(doc, schema);
  return !!s && s.type === "string" && s.format === "binary";
}

/** Media types of a `content` map, or `[]`. */
function mediaTypes(content: Json): string[] {
  return content && typeof content === "object" ? Object.keys(content) : [];
}

/** The fields of a `multipart/form-data` body schema, in spec order. */
function formFieldsOf(doc: Json, schema: Json): FormField[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== "object" || !s.properties) return [];
  const required: unknown[] = Array.isArray(s.required) ? s.required : [];
  return Object.entries<Json>(s.properties).map(([name, prop]) => {
    const field: FormField = { name, required: required.includes(name) };
    if (isBinary(doc, prop)) field.binary = true;
    return field;
  });
}

/**
 * Media types of an operation's request body and success answer, recorded in the table
 * only where they are not plain JSON, and whether the answer is a file.
 */
function mediaInfo(doc: Json, body: Json, okResponse: Json): Partial<OperationInfo> {
  const info: Partial<OperationInfo> = {};
  const request = mediaTypes(body?.content);
  if (request.length && !(request.length === 1 && request[0] === "application/json")) {
    info.requestMediaTypes = request;
    const multipart = body.content["multipart/form-data"];
    if (multipart) info.formFields = formFieldsOf(doc, multipart.schema);
  }
  const response = mediaTypes(okResponse?.content);
  if (response.length && !(response.length === 1 && response[0] === "application/json")) {
    info.responseMediaTypes = response;
    const content = okResponse.content;
    // FB `GET /logs` declares application/json too, but as `format: binary`: a file either way.
    if (!("application/json" in content) || response.every((m) => isBinary(doc, content[m]?.schema))) {
      info.download = true;
    }
  }
  return info;
}

function paramInfo(doc: Json, p: Json): ParamInfo {
  const schema = deref(doc, p.schema) ?? {};
  const type = (schema.type ?? "string") as ParamInfo["type"];
  const info: ParamInfo = { name: p.name, type, required: p.required === true };
  if (type === "array") {
    const items = deref(doc, schema.items) ?? {};
    info.items = (items.type ?? "string") as NonNullable<ParamInfo["items"]>;
    if (Array.isArray(items.enum)) info.enum = items.enum;
  } else if (Array.isArray(schema.enum)) {
    info.enum = schema.enum;
  }
  if (typeof schema.minimum === "number") info.minimum = schema.minimum;
  if (typeof schema.maximum === "number") info.maximum = schema.maximum;
  // Pure1 marks parameters whose strings must be quoted on the wire (on the parameter or its schema).
  if (p["x-quoted"] === true || schema["x-quoted"] === true) info.quoted = true;
  return info;
}

/**
 * Prepares one parsed spec: validates it, strips the version prefix from data
 * paths, removes runtime-supplied header parameters, and builds the
 * operation table.
 *
 * @param source file name, for error messages
 */
export function prepareSpec(
  parsed: unknown,
  meta: { product: Product; version: string; source: string },
): PreparedSpec {
  const { product, version, source } = meta;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalid(source, "not an OpenAPI document (expected a YAML/JSON object at the top level)");
  }
  // Work on a copy: the caller's object stays as parsed.
  const doc: Json = structuredClone(parsed);
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")) {
    const found = doc.swagger
      ? `Swagger ${doc.swagger}`
      : doc.openapi
        ? `openapi ${doc.openapi}`
        : "no openapi field";
    throw invalid(source, `not an OpenAPI 3 document (${found})`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw invalid(source, "has no paths object");
  // `info.x-logo.url.$ref` points at ../redoc/*.txt, which is not published beside
  // the specs (38 files). It is documentation chrome: drop it, do not fetch it.
  if (doc.info && typeof doc.info === "object") delete doc.info["x-logo"];
  checkRefs(doc, source);

  const prefix = `/api/${version}`;
  const newPaths: Json = {};
  const operations: OperationInfo[] = [];
  const authOperations: OperationInfo[] = [];
  const authPaths: string[] = [];
  const seenNames = new Map<string, string>();

  for (const [specPath, rawItem] of Object.entries<Json>(doc.paths)) {
    const item = deref(doc, rawItem);
    // Versioned login/logout (FA `/api/2.N/login`) are driven by the runtime like the other auth endpoints.
    const isData = specPath.startsWith(`${prefix}/`) && !VERSIONED_AUTH.has(specPath.slice(prefix.length));
    const path = isData ? specPath.slice(prefix.length) : specPath;
    if (!isData) authPaths.push(path);
    const pathLevel: Json[] = (item.parameters ?? []).map((p: Json) => ({ raw: p, res: deref(doc, p) }));
    const newItem: Json = { ...item };
    if (item.parameters) {
      newItem.parameters = pathLevel.filter((p) => !isRuntimeHeader(p.res)).map((p) => p.raw);
    }
    for (const method of METHODS) {
      const op = deref(doc, item[method]);
      if (!op) continue;
      const own: Json[] = (op.parameters ?? []).map((p: Json) => ({ raw: p, res: deref(doc, p) }));
      for (const p of own) {
        if (!p.res || typeof p.res.name !== "string") {
          throw invalid(source, `${method.toUpperCase()} ${specPath} has a parameter without a name`);
        }
      }
      newItem[method] = { ...op, parameters: own.filter((p) => !isRuntimeHeader(p.res)).map((p) => p.raw) };
      if (newItem[method].parameters.length === 0) delete newItem[method].parameters;

      // Path-level parameters apply unless the operation overrides them by name and location.
      const effective = [...own.map((p) => p.res)];
      for (const p of pathLevel) {
        if (!effective.some((e) => e.name === p.res.name && e.in === p.res.in)) effective.push(p.res);
      }
      const query = effective.filter((p) => p.in === "query").map((p) => paramInfo(doc, p));
      const has = (n: string) => query.some((q) => q.name === n);
      const okResponse = deref(doc, op.responses?.["200"] ?? op.responses?.["201"]);
      const responseSchemaNode = okResponse?.content?.["application/json"]?.schema;
      const answersItems = responseSchemaNode ? schemaHasProperty(doc, responseSchemaNode, "items") : false;
      const pagination: PaginationInfo | null =
        method === "get" && answersItems && (has("continuation_token") || has("offset") || has("limit"))
          ? {
              token: has("continuation_token"),
              offset: has("offset"),
              limit: has("limit"),
              totalItemCount: has("total_item_count"),
            }
          : null;
      const body = deref(doc, op.requestBody);
      const bodySchema = body?.content?.["application/json"]?.schema;
      const name = friendlyName(method, isData ? path : specPath.replace(/^\/api\/\d+\.\d+\//, "/"));
      const info: OperationInfo = {
        name,
        method,
        path,
        specPath,
        pagination,
        query,
        listParams: query.filter((q) => q.type === "array").map((q) => q.name),
        body: body ? { required: body.required === true, schema: refName(bodySchema) } : null,
        responseSchema: refName(responseSchemaNode),
        ...mediaInfo(doc, body, okResponse),
      };
      if (typeof op.summary === "string") info.summary = op.summary.trim();
      if (op.deprecated === true) info.deprecated = true;
      if (isData) {
        const clash = seenNames.get(name);
        if (clash) {
          throw invalid(
            source,
            `operations ${clash} and ${method.toUpperCase()} ${path} both map to the name ${name}`,
          );
        }
        seenNames.set(name, `${method.toUpperCase()} ${path}`);
        operations.push(info);
      } else {
        authOperations.push(info);
      }
    }
    newPaths[path] = newItem;
  }
  doc.paths = newPaths;
  return { doc, table: { product, version, prefix, operations, authOperations }, authPaths };
}

function isRuntimeHeader(p: Json): boolean {
  return p?.in === "header" && typeof p.name === "string" && RUNTIME_HEADERS.has(p.name.toLowerCase());
}
