/**
 * The schema check of the mocks' GET answers, shared by schema.test.ts (newest
 * versions) and versions.test.ts (a sample across versions): every GET collection
 * path of one version, answered by a mock serving that version, validated by Ajv
 * against the version's response schema (typed schemas nullable, see schema.test.ts).
 */

import {
  createFlashArrayMock,
  createFlashBladeMock,
  createPure1Mock,
  type MockArray,
} from "../../mock/index.ts";
import { envelopeOf, latestVersion, loadVersion } from "../../mock/spec.ts";
import { createSchemaValidator } from "../../mock/validate.ts";
import type { OperationInfo } from "../../spec/table.ts";
import { exchange, type Json, login, rsaKeys, signJwt } from "./helpers.ts";

export type Product = "flasharray" | "flashblade" | "pure1";

/** Values for required query parameters, picked from what the mock holds. */
function requiredQuery(op: OperationInfo, array: MockArray): string {
  const parts: string[] = [];
  for (const p of op.query.filter((q) => q.required)) {
    if (op.path === "/metrics/history") break;
    let value = "1";
    const parent = op.path.slice(0, op.path.lastIndexOf("/"));
    let named =
      array.state.collection(op.path).list()[0]?.name ?? array.state.collection(parent).list()[0]?.name;
    if (named === undefined && p.name === "names") {
      // `/kmip/test?names=k` tests an existing object of the parent collection: make one.
      array.state.collection(parent).add({ name: "probe" });
      named = "probe";
    }
    if (p.name === "names") value = String(named ?? "x");
    else if (p.name.endsWith("_ids")) value = "00000000-0000-4000-8000-000000000000";
    else if (p.type === "string" || p.items === "string") value = "x";
    // Pure1's x-quoted parameters travel in single quotes.
    parts.push(`${p.name}=${encodeURIComponent(p.quoted && value !== "1" ? `'${value}'` : value)}`);
  }
  if (op.path === "/metrics/history") {
    const q = (name: string, value: string) =>
      `${name}=${encodeURIComponent(op.query.find((x) => x.name === name)?.quoted ? `'${value}'` : value)}`;
    parts.push(q("names", "array_read_iops"), q("resource_names", "array-001"), q("aggregation", "avg"));
    parts.push("resolution=300000", "start_time=1700000000000", "end_time=1700003600000");
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

async function authHeaders(array: MockArray, privateKey?: CryptoKey): Promise<Record<string, string>> {
  if (array.product !== "pure1") return { "x-auth-token": await login(array) };
  const { body } = await exchange(
    array,
    await signJwt(privateKey as CryptoKey, { iss: "pure1:apikey:schema" }),
  );
  return { authorization: `Bearer ${body.access_token}` };
}

export async function validateAll(
  product: Product,
  seedKind: "recorded" | "every-path",
  version: string = latestVersion(product),
) {
  const spec = await loadVersion(product, version);
  // Collections: GETs whose answer lists `items` (leaves out downloads such as …/download, answered as files).
  const gets = spec.table.operations.filter(
    (o) => o.method === "get" && "items" in envelopeOf(spec, o.responseSchema),
  );
  const keys = await rsaKeys();
  const seed = seedKind === "recorded" ? "recorded" : Object.fromEntries(gets.map((o) => [o.path, 3]));
  const options = { version, seed, rateLimit: { perSecond: 1e6, perMinute: 1e7 } } as const;
  const array =
    product === "flasharray"
      ? createFlashArrayMock(options)
      : product === "flashblade"
        ? createFlashBladeMock(options)
        : createPure1Mock({
            ...options,
            apps: [{ appId: "pure1:apikey:schema", publicKey: keys.publicPem }],
          });
  await array.ready;
  const headers = await authHeaders(array, keys.privateKey);
  const validate = createSchemaValidator(spec.schemas, { nullable: true });
  const failures: string[] = [];
  let items = 0;
  for (const op of gets) {
    const res = await array.fetch(`${array.baseUrl}/api/${version}${op.path}${requiredQuery(op, array)}`, {
      headers,
    });
    const body = (await res.json()) as Json;
    if (res.status !== 200) {
      failures.push(`${op.path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      continue;
    }
    items += Array.isArray(body.items) ? body.items.length : 0;
    const errors = validate(op.responseSchema as string, body);
    if (errors) failures.push(`${op.path} (${op.responseSchema}): ${errors.slice(0, 3).join("; ")}`);
  }
  return { failures, paths: gets.length, items };
}
