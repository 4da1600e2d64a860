import { decodeJwt, decodeProtectedHeader } from "jose";
import { apiTokenFromPassword } from "../runtime/auth/api-token.ts";
import { type ExchangedToken, exchangeToken, signedExchange } from "../runtime/auth/exchange.ts";
import { jwtExpiryMs, signArrayJwt, signPure1Jwt } from "../runtime/auth/jwt.ts";
import { PurekitError } from "../runtime/errors.ts";
import { SecretSet } from "../runtime/redact.ts";
import {
  env,
  formatDuration,
  optionOrEnv,
  parseCommand,
  parseDuration,
  required,
  secretsOfArgv,
  usage,
} from "./args.ts";
import { loadKey } from "./key.ts";
import { authContext, loadApiVersions, originOf } from "./network.ts";
import { EXIT_CODES, guarded, note, print } from "./output.ts";
import { canPrompt, givenPassword, promptHidden } from "./password.ts";

const PURE1_URL = "https://api.pure1.purestorage.com";
/** A JWT only sent to the token endpoint needs to outlive one exchange. */
const EXCHANGE_JWT_SECONDS = 300;
const PURE1_JWT_SECONDS = 365 * 86_400;
const ARRAY_JWT_SECONDS = 86_400;
const TIMEOUT_DEFAULT = "30s";

const TLS_HELP = (
  caEnv: string,
) => `  --ca FILE           trust this CA certificate (PEM) for the server's certificate, e.g.
                      a self-signed array's own certificate${caEnv ? `           [${caEnv}]` : ""}
  --insecure          do not verify the certificate at all (lab arrays only; warns)
  --timeout D         give up on an unanswered request after D (default ${TIMEOUT_DEFAULT})
                      Certificates are verified by default (system CAs).`;

const KEY_PASSWORD_HELP = (
  envName: string,
) => `  -p, --password P    the private key's password (visible in shell history and
                      the process list: prefer the environment variable,
                      --password-stdin, or the prompt)
                                                [${envName}]
  --password-stdin    read the private key's password from stdin
                      Encrypted key and no password given: on a terminal purekit
                      asks for it without echo; otherwise it fails (exit 1).`;

const HELP = `purekit token <pure1|flasharray|flashblade|api> [options]

Makes the tokens the vendor's pure1_token_factory.py and fa2_token_factory.py make,
and more, with no openssl and no Python:

  token pure1          a Pure1 JWT from an application id and its private key
                       (with --exchange: a Pure1 access token)
  token flasharray     an access token for a FlashArray API client (OAuth2 token
                       exchange of a JWT signed with the client's private key);
                       with --jwt-only the signed JWT
  token flashblade     the same for a FlashBlade
  token api            a FlashArray API token from a username and password (REST 1.x)

Run \`purekit token <kind> --help\` for the options of each.

${EXIT_CODES}`;

const PURE1_HELP = `purekit token pure1 --app-id ID --key private.pem [--password P | -p P] [--expires 1y]
                    [--exchange [--url ${PURE1_URL}]] [--json]

Signs the JWT Pure1 accepts for an API application (RS256; header alg, typ; claims
iss = application id, iat, exp) and prints it, like pure1_token_factory.py.
With --exchange, exchanges it at Pure1's /oauth2/1.0/token and prints the access
token instead.

  --app-id ID         the application id, e.g. pure1:apikey:iRT5OwhslZVLWNGG [PURE1_APP_ID]
  --key FILE          its private key: PKCS#8, PKCS#1, encrypted PKCS#8, OpenSSL 1.x
                      encrypted PKCS#1, or PKCS#12 (.pfx/.p12)   [PURE1_PRIVATE_KEY_FILE]
${KEY_PASSWORD_HELP("PURE1_PRIVATE_KEY_PASSWORD")}
  --expires D         JWT lifetime: 90s, 30m, 12h, 7d, 2w, 1y (default 1y, as the
                      vendor's script; 5m with --exchange). Shorter is safer.
  --exchange          exchange the JWT and print the access token
  --url URL           Pure1's address for --exchange (default ${PURE1_URL})
${TLS_HELP("")}
  --json              print {"type", "token", "expiresAt", …} as JSON
  -h, --help          this help

With --exchange and neither --key nor PURE1_PRIVATE_KEY_FILE, a pre-generated ID token
in PURE1_ID_TOKEN is exchanged instead (until it expires).

${EXIT_CODES}`;

const ARRAY_HELP = (
  product: "flasharray" | "flashblade",
) => `purekit token ${product} --host H --client-id C --key-id K --issuer I --username U
                    --key private.pem [--password P] [--ca ca.pem | --insecure]
                    [--jwt-only] [--expires D] [--json]

Signs a JWT for an API client registered on the ${product === "flasharray" ? "FlashArray" : "FlashBlade"} (pureapiclient create
… --public-key; pureapiclient enable …), RS256 with header kid = key id and claims
aud = client id, sub = user, iss = issuer, iat, exp; exchanges it at the array's
POST /oauth2/1.0/token and prints the access token (send it as
Authorization: Bearer <token>). With --jwt-only, prints the JWT and contacts nothing.

  --host H            the array's management address: name, IP, name:port or
                      https://name                                        [PURE_HOST]
  --client-id C       the API client's Client ID (the JWT's aud)     [PURE_CLIENT_ID]
  --key-id K          its Key ID (the JWT header's kid)                 [PURE_KEY_ID]
  --issuer I          its Issuer (the JWT's iss)                        [PURE_ISSUER]
  --username U        the array user the token acts as (the JWT's sub) [PURE_USERNAME]
  --key FILE          the API client's private key: PKCS#8, PKCS#1, encrypted PKCS#8,
                      OpenSSL 1.x encrypted PKCS#1, PKCS#12     [PURE_PRIVATE_KEY_FILE]
${KEY_PASSWORD_HELP("PURE_PRIVATE_KEY_PASSWORD")}
  --jwt-only          print the signed JWT instead of exchanging it (--host unused)
  --expires D         JWT lifetime: 90s, 30m, 12h, 7d, 2w, 1y (default 1d with
                      --jwt-only, 5m when exchanging). The access token's own
                      lifetime is set on the array, per API client (default 1d).
${TLS_HELP("PURE_CA_FILE")}
  --json              print {"type", "token", "expiresAt", …} as JSON
  -h, --help          this help

${EXIT_CODES}`;

const API_HELP = `purekit token api --host H --username U [--password P | --password-stdin]
                  [--ca ca.pem | --insecure] [--json]

Gets the user's API token from the array with the REST 1.x call
POST /api/1.N/auth/apitoken (username and password), for people who have only a
username and password. Use the token with the clients ({ apiToken }) or pureadmin.

  --host H            the array's management address: name, IP, name:port or
                      https://name                                        [PURE_HOST]
  --username U        the array user                                  [PURE_USERNAME]
  -p, --password P    the user's password (visible in shell history and the process
                      list: prefer PURE_PASSWORD, --password-stdin or the prompt)
                                                                      [PURE_PASSWORD]
  --password-stdin    read the password from stdin
                      No password given: on a terminal purekit asks for it without
                      echo; otherwise it fails (exit 2).
${TLS_HELP("PURE_CA_FILE")}
  --json              print {"type", "token", "username", "host"} as JSON
  -h, --help          this help

${EXIT_CODES}`;

const TLS_OPTIONS = {
  ca: { type: "string" },
  insecure: { type: "boolean" },
  timeout: { type: "string" },
} as const;

const KEY_OPTIONS = {
  key: { type: "string" },
  password: { type: "string", short: "p" },
  "password-stdin": { type: "boolean" },
  expires: { type: "string" },
} as const;

const COMMON = {
  json: { type: "boolean" },
} as const;

interface TlsValues {
  ca?: string | undefined;
  insecure?: boolean | undefined;
  timeout?: string | undefined;
}

/** Flags win over the environment: `--insecure` ignores PURE_CA_FILE. */
function tlsOf(values: TlsValues, caEnv: string | undefined) {
  if (values.ca !== undefined && values.insecure) throw usage("give --ca or --insecure, not both");
  const ca = values.insecure ? undefined : optionOrEnv(values.ca, ...(caEnv ? [caEnv] : []));
  return {
    ca,
    insecure: values.insecure === true,
    timeoutSeconds: parseDuration(values.timeout ?? TIMEOUT_DEFAULT, "--timeout"),
  };
}

/** Header and claims of a JWT we signed, for --json. */
function describeJwt(jwt: string) {
  const claims = decodeJwt(jwt);
  return {
    type: "jwt",
    token: jwt,
    header: decodeProtectedHeader(jwt),
    claims,
    expiresAt: typeof claims.exp === "number" ? new Date(claims.exp * 1000).toISOString() : null,
  };
}

function accessTokenOutput(
  json: boolean | undefined,
  got: ExchangedToken,
  extra: Record<string, unknown>,
): void {
  const expiresAt = got.expiresAt === undefined ? null : new Date(got.expiresAt).toISOString();
  if (expiresAt) note(`access token valid until ${expiresAt}`);
  print(
    json,
    { type: "access_token", token: got.accessToken, tokenType: "Bearer", expiresAt, ...extra },
    got.accessToken,
  );
}

async function pure1(argv: string[], secrets: SecretSet): Promise<number> {
  const args = parseCommand(argv, {
    name: "token pure1",
    help: PURE1_HELP,
    options: {
      "app-id": { type: "string" },
      ...KEY_OPTIONS,
      exchange: { type: "boolean" },
      url: { type: "string" },
      ...TLS_OPTIONS,
      ...COMMON,
    },
  });
  if (!args) return 0;
  const { values } = args;
  if (!values.exchange && (values.url !== undefined || values.ca !== undefined || values.insecure)) {
    throw usage("--url, --ca and --insecure only apply with --exchange");
  }
  const lifetime =
    values.expires !== undefined
      ? parseDuration(values.expires)
      : values.exchange
        ? EXCHANGE_JWT_SECONDS
        : PURE1_JWT_SECONDS;
  const keyFile = optionOrEnv(values.key, "PURE1_PRIVATE_KEY_FILE");
  const idToken = values.exchange && keyFile === undefined ? env("PURE1_ID_TOKEN") : undefined;
  secrets.add(idToken);
  const appId =
    idToken === undefined
      ? required(optionOrEnv(values["app-id"], "PURE1_APP_ID"), "--app-id", "PURE1_APP_ID")
      : undefined;
  const keyPath = idToken === undefined ? required(keyFile, "--key", "PURE1_PRIVATE_KEY_FILE") : undefined;
  // Check the network options before asking for a password.
  const tls = values.exchange ? tlsOf(values, undefined) : undefined;
  const origin = values.exchange ? originOf(values.url ?? PURE1_URL, "--url") : undefined;
  const key =
    keyPath === undefined
      ? undefined
      : await loadKey({
          file: keyPath,
          password: {
            flag: values.password,
            stdin: values["password-stdin"],
            envNames: ["PURE1_PRIVATE_KEY_PASSWORD"],
          },
          secrets,
        });
  if (!values.exchange || tls === undefined || origin === undefined) {
    const jwt = await signPure1Jwt(key!, appId!, { lifetimeSeconds: lifetime });
    secrets.add(jwt);
    note(`JWT for ${appId} valid for ${formatDuration(lifetime)}`);
    print(values.json, describeJwt(jwt), jwt);
    return 0;
  }
  const ctx = await authContext({ ...tls, secrets, product: "pure1", origin });
  let got: ExchangedToken;
  if (idToken !== undefined) {
    const exp = jwtExpiryMs(idToken, "PURE1_ID_TOKEN");
    if (exp !== undefined && Date.now() >= exp) {
      throw new PurekitError(
        "ERR_AUTH_TOKEN_EXPIRED",
        `The ID token in PURE1_ID_TOKEN expired at ${new Date(exp).toISOString()}; sign a new one with purekit token pure1 --app-id … --key private.pem`,
      );
    }
    got = await exchangeToken(
      ctx,
      idToken,
      "The ID token in PURE1_ID_TOKEN was not accepted; sign a new one with purekit token pure1.",
    );
  } else {
    const exchange = signedExchange(
      ctx,
      (now) => signPure1Jwt(key!, appId!, { lifetimeSeconds: lifetime, now }),
      `Check that application ${appId} is registered in Pure1 with the public key of this private key.`,
    );
    got = await exchange();
  }
  accessTokenOutput(values.json, got, { url: origin, ...(appId === undefined ? {} : { appId }) });
  return 0;
}

async function array(
  product: "flasharray" | "flashblade",
  argv: string[],
  secrets: SecretSet,
): Promise<number> {
  const args = parseCommand(argv, {
    name: `token ${product}`,
    help: ARRAY_HELP(product),
    options: {
      host: { type: "string" },
      "client-id": { type: "string" },
      "key-id": { type: "string" },
      issuer: { type: "string" },
      username: { type: "string" },
      ...KEY_OPTIONS,
      "jwt-only": { type: "boolean" },
      ...TLS_OPTIONS,
      ...COMMON,
    },
  });
  if (!args) return 0;
  const { values } = args;
  const jwtOnly = values["jwt-only"] === true;
  const claims = {
    clientId: required(optionOrEnv(values["client-id"], "PURE_CLIENT_ID"), "--client-id", "PURE_CLIENT_ID"),
    keyId: required(optionOrEnv(values["key-id"], "PURE_KEY_ID"), "--key-id", "PURE_KEY_ID"),
    issuer: required(optionOrEnv(values.issuer, "PURE_ISSUER"), "--issuer", "PURE_ISSUER"),
    username: required(optionOrEnv(values.username, "PURE_USERNAME"), "--username", "PURE_USERNAME"),
  };
  const keyFile = required(
    optionOrEnv(values.key, "PURE_PRIVATE_KEY_FILE"),
    "--key",
    "PURE_PRIVATE_KEY_FILE",
  );
  const lifetime =
    values.expires !== undefined
      ? parseDuration(values.expires)
      : jwtOnly
        ? ARRAY_JWT_SECONDS
        : EXCHANGE_JWT_SECONDS;
  const host = jwtOnly ? undefined : required(optionOrEnv(values.host, "PURE_HOST"), "--host", "PURE_HOST");
  const origin = host === undefined ? undefined : originOf(host);
  const tls = jwtOnly ? undefined : tlsOf(values, "PURE_CA_FILE");
  const key = await loadKey({
    file: keyFile,
    password: {
      flag: values.password,
      stdin: values["password-stdin"],
      envNames: ["PURE_PRIVATE_KEY_PASSWORD"],
    },
    secrets,
  });
  if (origin === undefined || tls === undefined) {
    const jwt = await signArrayJwt(key, claims, { lifetimeSeconds: lifetime });
    secrets.add(jwt);
    note(
      `JWT for API client ${claims.clientId} (user ${claims.username}) valid for ${formatDuration(lifetime)}`,
    );
    print(values.json, describeJwt(jwt), jwt);
    return 0;
  }
  const ctx = await authContext({ ...tls, secrets, product, origin });
  const exchange = signedExchange(
    ctx,
    (now) => signArrayJwt(key, claims, { lifetimeSeconds: lifetime, now }),
    `Check that API client ${claims.clientId} is enabled on the array, that key id, issuer and public key match, and that user "${claims.username}" exists.`,
  );
  const got = await exchange();
  accessTokenOutput(values.json, got, { host: origin, username: claims.username, clientId: claims.clientId });
  return 0;
}

async function api(argv: string[], secrets: SecretSet): Promise<number> {
  const args = parseCommand(argv, {
    name: "token api",
    help: API_HELP,
    options: {
      host: { type: "string" },
      username: { type: "string" },
      password: { type: "string", short: "p" },
      "password-stdin": { type: "boolean" },
      ...TLS_OPTIONS,
      ...COMMON,
    },
  });
  if (!args) return 0;
  const { values } = args;
  const origin = originOf(required(optionOrEnv(values.host, "PURE_HOST"), "--host", "PURE_HOST"));
  const username = required(optionOrEnv(values.username, "PURE_USERNAME"), "--username", "PURE_USERNAME");
  const tls = tlsOf(values, "PURE_CA_FILE");
  let password = await givenPassword(
    { flag: values.password, stdin: values["password-stdin"], envNames: ["PURE_PASSWORD"] },
    `the password of ${username}`,
  );
  if (password === undefined) {
    if (!canPrompt()) {
      throw usage(
        `no password for ${username} (stdin is not a terminal, so purekit cannot ask): set PURE_PASSWORD, ` +
          "or pipe it with --password-stdin, or pass -p/--password (visible in shell history)",
      );
    }
    password = await promptHidden(`Password for ${username} on ${new URL(origin).host}: `);
  }
  secrets.add(password);
  const ctx = await authContext({ ...tls, secrets, product: "flasharray", origin });
  await loadApiVersions(ctx);
  const token = await apiTokenFromPassword(ctx, username, password);
  print(values.json, { type: "api_token", token, username, host: origin }, token);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  const secrets = new SecretSet();
  secretsOfArgv(argv, secrets);
  return guarded(secrets, async () => {
    const [kind, ...rest] = argv;
    switch (kind) {
      case "pure1":
        return pure1(rest, secrets);
      case "flasharray":
      case "flashblade":
        return array(kind, rest, secrets);
      case "api":
        return api(rest, secrets);
      case undefined:
        console.error(HELP);
        return 2;
      case "-h":
      case "--help":
      case "help":
        console.log(HELP);
        return 0;
      default:
        throw usage(
          `unknown token kind "${kind}"; use pure1, flasharray, flashblade or api. See purekit token --help.`,
        );
    }
  });
}
