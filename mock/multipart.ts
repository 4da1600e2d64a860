/**
 * `multipart/form-data` request bodies (FlashBlade `POST /keytabs/upload`): read as bytes
 * within the mock's request-size limit, then parsed by the platform's own multipart parser
 * (`Response.formData()`, web standard), never as text, so binary files arrive intact.
 */
import type { OperationInfo } from "../spec/table.ts";
import { badRequest, MockHttpError, type MockRequest } from "./http.ts";

/**
 * The fields of a multipart body: files as their bytes, other fields as text. A body that
 * is not multipart is a 415, as on the arrays; a required field missing is a 400 naming it.
 *
 * @example
 * ```ts
 * const body = await parseMultipart(request, op, 16 * 1024 * 1024); // { keytab_file: Uint8Array }
 * ```
 */
export async function parseMultipart(
  request: MockRequest,
  op: OperationInfo,
  limit: number,
): Promise<Record<string, Uint8Array | string>> {
  const label = `${op.method.toUpperCase()} ${op.path}`;
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(type)) {
    throw new MockHttpError(415, [
      {
        context: "content-type",
        message: `Expected Content-Type multipart/form-data (with a boundary) for ${label}, got '${type || "none"}'.`,
      },
    ]);
  }
  const bytes = await request.bytes(limit);
  let form: FormData;
  try {
    form = await new Response(bytes as BlobPart, { headers: { "content-type": type } }).formData();
  } catch {
    throw badRequest(`Malformed multipart/form-data body for ${label}.`, "body");
  }
  const fields: Record<string, Uint8Array | string> = {};
  for (const [name, value] of form) {
    if (name in fields) throw badRequest(`The form field ${name} is given more than once.`, name);
    fields[name] = typeof value === "string" ? value : new Uint8Array(await value.arrayBuffer());
  }
  for (const field of op.formFields ?? []) {
    if (field.required && !(field.name in fields)) {
      throw badRequest(`${label} needs the form field ${field.name}.`, field.name);
    }
  }
  return fields;
}
