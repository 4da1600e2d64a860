// CommonJS: require() of the ESM package (Node >= 20.19).
const { readFileSync } = require("node:fs");
const { createFlashArrayClient } = require("purekit/flasharray");
const { PurekitError } = require("purekit");

const { url, apiToken, caFile } = JSON.parse(process.env.PUREKIT_MOCK);
(async () => {
  const fa = await createFlashArrayClient({
    host: url,
    auth: { apiToken },
    tls: { ca: readFileSync(caFile, "utf8") },
  });
  const vols = await fa.getVolumes({ limit: 2 });
  console.log(
    JSON.stringify({ version: fa.version, count: vols.items.length, errorClass: typeof PurekitError }),
  );
  await fa.close();
})();
