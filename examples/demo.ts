/**
 * `npm run demo`: a mock FlashArray served over real HTTPS (a CA made at
 * start), and the typed client talking to it the way it talks to a real
 * array — version negotiation, login, typed calls, friendly methods,
 * pagination, filters, a typed error, a busy array, OAuth2, logout.
 *
 *   node --import tsx examples/demo.ts
 */
import { createFlashArrayMock } from "../mock/index.ts";
import { startNodeMockServer } from "../mock/server/node.ts";
import { createSelfSignedCertificate } from "../mock/tls/index.ts";
import { createFlashArrayClient, f, generateDemoKeys, PureApiError, sort } from "./demo-support.ts";

const line = (s = "") => console.log(s);
const keys = await generateDemoKeys();
const array = createFlashArrayMock({
  seed: "recorded",
  apiTokens: ["6d2cf21e-demo-0000-4b4c-api-token"],
  apiClients: [
    {
      clientId: "demo-client",
      keyId: "demo-key",
      issuer: "demo",
      publicKey: keys.publicKeyPem,
      enabled: true,
      maxRole: "array_admin",
    },
  ],
});
const certs = await createSelfSignedCertificate();
const server = await startNodeMockServer(array, { port: 0, tls: { cert: certs.certPem, key: certs.keyPem } });
line(`mock FlashArray (REST ${array.versions.join(", ")}) at ${server.url}, HTTPS with a CA made just now`);

try {
  await using fa = await createFlashArrayClient({
    host: server.url,
    auth: { apiToken: array.apiToken },
    tls: { ca: certs.caPem },
    retry: { minDelayMs: 50 },
  });
  line(
    `negotiated REST ${fa.version}; ${fa.operations.operations.length} operations available as typed paths and friendly methods`,
  );

  const { data } = await fa.GET("/volumes", {
    params: { query: { limit: 5, sort: [sort.desc("provisioned")] } },
  });
  line("\nlargest recorded volumes:");
  for (const v of data?.items ?? [])
    line(`  ${String(v.name).padEnd(40)} ${((v.provisioned ?? 0) / 2 ** 30).toFixed(0)} GiB`);

  await fa.postVolumes({ names: ["demo-vol-1", "demo-vol-2"] }, { provisioned: 10 * 2 ** 30 });
  line("\ncreated demo-vol-1 and demo-vol-2 (10 GiB)");
  const mine = await fa.getVolumes({ filter: f.contains("name", "demo-vol").toString() });
  line(`filter contains(name,'demo-vol') → ${mine.items?.map((v) => v.name).join(", ")}`);

  let count = 0;
  for await (const _v of fa.paginate("/volumes", { params: { query: { limit: 10 } } })) count++;
  line(`paginated all ${count} volumes, 10 per page, by continuation token`);

  try {
    await fa.getVolumes({ names: ["no-such-volume"] });
  } catch (e) {
    if (e instanceof PureApiError)
      line(`\ntyped error: status ${e.status}, context "${e.errors[0]?.context}": ${e.errors[0]?.message}`);
  }

  array.faults.add({ method: "GET", path: /\/hosts$/, status: 503, times: 2 });
  const hosts = await fa.getHosts({ limit: 3 });
  line(`array answered 503 twice; retried with backoff and got ${hosts.items?.length} hosts`);
} finally {
  line(
    `\nlogins: ${array.journal.count({ method: "POST", path: /\/login$/ })}, logouts: ${array.journal.count({ method: "POST", path: /\/logout$/ })}`,
  );
}

const oauth = await createFlashArrayClient({
  host: server.url,
  tls: { ca: certs.caPem },
  auth: {
    clientId: "demo-client",
    keyId: "demo-key",
    issuer: "demo",
    username: "pureuser",
    privateKey: keys.privateKeyPem,
  },
});
const arrays = await oauth.getArrays();
line(`OAuth2 API client (RS256 JWT → access token): array name ${arrays.items?.[0]?.name}`);
await oauth.close();
await server.close();
line("done");
