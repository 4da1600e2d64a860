// Plain Node ESM, no TypeScript loader: what `npm i purekit` gives an app.
import { readFile } from "node:fs/promises";
import { f, PureApiError } from "purekit";
import { createFlashArrayClient } from "purekit/flasharray";

const { url, apiToken, caFile } = JSON.parse(process.env.PUREKIT_MOCK);
const fa = await createFlashArrayClient({
  host: url,
  auth: { apiToken },
  tls: { ca: await readFile(caFile, "utf8") },
});
await fa.POST("/volumes", { params: { query: { names: ["esm-vol"] } }, body: { provisioned: 2 ** 30 } });
const names = [];
for await (const v of fa.paginate("/volumes", {
  params: { query: { filter: String(f.eq("name", "esm-vol")) } },
})) {
  names.push(v.name);
}
const { error } = await fa.GET("/volumes", { params: { query: { names: ["no-such-volume"] } } });
console.log(JSON.stringify({ version: fa.version, names, typedError: error instanceof PureApiError }));
await fa.close();
