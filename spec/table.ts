/**
 * The contract between the generator, the runtime and the mock: the shape of the
 * operation tables the generator writes (`generated/<product>/tables/`) and of a
 * generated product module (`generated/<product>/index.js`).
 *
 * These are plain data, read by the runtime (friendly methods, pagination,
 * query serialisation) and by the mock arrays (which paths answer, how), so
 * neither has to re-derive facts from the vendor's spec by hand. This module
 * belongs to none of them: each imports it, none owns it.
 */

/** The three REST APIs purekit speaks. */
export type Product = "flasharray" | "flashblade" | "pure1";

/** HTTP methods that appear in the specs. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "patch";

/** A JSON-schema-like description of one query parameter, enough to validate and serialise it. */
export interface ParamInfo {
  /** Wire name, e.g. `names`. */
  name: string;
  /** `string`, `integer`, `number`, `boolean` or `array`. */
  type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /** For arrays: the element type. */
  items?: "string" | "integer" | "number" | "boolean";
  /** Allowed values, when the spec lists them. */
  enum?: readonly (string | number | boolean)[];
  required: boolean;
  /** Inclusive numeric bounds, when the spec gives them. */
  minimum?: number;
  maximum?: number;
  /**
   * The spec marks it `x-quoted` (Pure1): string values travel in single quotes
   * (`names='array-1'`), with `\` and `'` backslash-escaped inside.
   */
  quoted?: boolean;
}

/** One field of a `multipart/form-data` request body. */
export interface FormField {
  name: string;
  required: boolean;
  /** The spec types it `format: binary`; other fields may still carry a file's text. */
  binary?: true;
}

/** How a GET collection pages. `null` when it does not. */
export interface PaginationInfo {
  /** Accepts `continuation_token` (preferred when present). */
  token: boolean;
  /** Accepts `offset`. */
  offset: boolean;
  /** Accepts `limit`. */
  limit: boolean;
  /** Accepts `total_item_count`. */
  totalItemCount: boolean;
}

/** One operation of one REST version. */
export interface OperationInfo {
  /** Friendly name in the py-pure-client style: `GET /volumes` → `getVolumes`. */
  name: string;
  method: HttpMethod;
  /** Version-free path: `/volumes` (data paths) or the full path (auth paths). */
  path: string;
  /** The path exactly as the spec writes it: `/api/2.56/volumes`. */
  specPath: string;
  /** The spec's summary line, for docs and error messages. */
  summary?: string;
  /** Set when the operation answers `items` and accepts paging parameters. */
  pagination: PaginationInfo | null;
  /** Query parameters, in spec order. */
  query: readonly ParamInfo[];
  /** Names of query parameters that are lists (comma-separated on the wire). */
  listParams: readonly string[];
  /** Whether a JSON request body is accepted, and whether it is required. */
  body: { required: boolean; schema: string | null } | null;
  /** Name of the 200 response's schema in `components.schemas`, when it is a `$ref`. */
  responseSchema: string | null;
  /**
   * Media types the request body may be sent as, in spec order, when that is not just
   * `application/json` (FB `POST /keytabs/upload`: `["multipart/form-data"]`). Absent: JSON.
   */
  requestMediaTypes?: readonly string[];
  /**
   * Fields of a `multipart/form-data` body, in spec order (`keytab_file`); absent for
   * other bodies.
   */
  formFields?: readonly FormField[];
  /**
   * Media types of the success answer (200/201), in spec order, when that is not just
   * `application/json` (FB `GET /logs`: `["application/octet-stream", "text/plain",
   * "application/json"]`). Absent: JSON, or no body.
   */
  responseMediaTypes?: readonly string[];
  /**
   * The success answer is a file (`type: string, format: binary` under every media type,
   * or no JSON at all): clients read it as bytes, not as a JSON document.
   */
  download?: true;
  /** The spec marks the operation deprecated. */
  deprecated?: boolean;
}

/** What a generated version folder's `operations.ts` exports as `table`. */
export interface OperationTable {
  product: Product;
  /** REST version, e.g. `2.56`. */
  version: string;
  /** Prefix the runtime adds to every data path: `/api/2.56`. */
  prefix: string;
  /** Data operations with version-free paths. */
  operations: readonly OperationInfo[];
  /** Auth and unversioned endpoints the runtime drives itself (login, logout, token, api_version…). */
  authOperations: readonly OperationInfo[];
}

/**
 * A generated product module (`generated/<product>/index.js`, or one you generate
 * into your own project with `purekit generate --spec … --out …`): the versions it
 * knows and a loader for their tables. The type parameters carry the newest
 * version's paths and friendly names to the client factories; they exist only in types.
 */
export interface GeneratedProduct<
  P extends Product = Product,
  Paths = unknown,
  Ops = unknown,
  V extends string = string,
> {
  readonly product: P;
  /** Oldest first. */
  readonly versions: readonly V[];
  readonly latest: V;
  loadTable(version: string): Promise<OperationTable>;
  /** Type-only: the newest version's data paths and friendly names. */
  readonly __types?: { paths: Paths; operations: Ops };
}
