import { chmod, writeFile } from "node:fs/promises";
import { PurekitError } from "../runtime/errors.ts";
import { encryptPkcs8Pem, generateRsaKeyPair } from "../runtime/keys/index.ts";
import { SecretSet } from "../runtime/redact.ts";
import { parseCommand, usage } from "./args.ts";
import { EXIT_CODES, guarded, print } from "./output.ts";
import { canPrompt, promptHidden, readStdinSecret } from "./password.ts";

const HELP = `purekit keygen [--out private.pem] [--password | --password-stdin] [--public-out public.pem] [--json]

Creates an RSA 2048 key pair for Pure1 applications and FlashArray/FlashBlade API
clients, and prints the public key (-----BEGIN PUBLIC KEY-----) to paste into Pure1
(Administration > API Registration) or the array (pureapiclient create --public-key).

  -o, --out FILE      write the private key (PKCS#8 PEM) to FILE, mode 0600; an
                      existing file is never overwritten unless --force is given.
                      Without --out the private key is printed to stdout, before
                      the public key, with a warning on stderr.
  --password          encrypt the private key (BEGIN ENCRYPTED PRIVATE KEY: PBES2,
                      PBKDF2-SHA256, AES-256-CBC); the password is asked for twice
                      on the terminal, without echo
  --password-stdin    encrypt with the password read from stdin (for scripts:
                      printf '%s' "$PW" | purekit keygen --out k.pem --password-stdin)
  --public-out FILE   also write the public key to FILE
  --force             overwrite --out / --public-out files that exist
  --json              print {"publicKey", "privateKeyFile", "encrypted"} (and
                      "privateKey" when there is no --out) as JSON
  -h, --help          this help

Read the key back with purekit token … --key FILE, openssl, or any PKCS#8 reader.

${EXIT_CODES}`;

async function writeNew(
  file: string,
  text: string,
  mode: number,
  force: boolean,
  what: string,
): Promise<void> {
  try {
    await writeFile(file, text, { mode, flag: force ? "w" : "wx" });
    // `mode` applies only when the file is created; an overwritten file keeps its old one.
    if (force) await chmod(file, mode);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === "EEXIST") {
      throw new PurekitError(
        "ERR_INVALID_ARGUMENT",
        `${file} exists; purekit keygen never overwrites a key unless --force is given`,
      );
    }
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `Cannot write the ${what} to ${file}: ${(cause as Error).message?.split("\n")[0]}`,
      { cause },
    );
  }
}

/** The new key's password: asked twice on a terminal, or read from stdin. */
async function newPassword(secrets: SecretSet, prompt: boolean, stdin: boolean): Promise<string | undefined> {
  if (prompt && stdin) throw usage("give --password or --password-stdin, not both");
  if (stdin) {
    const pw = await readStdinSecret("the new key's password");
    secrets.add(pw);
    return pw;
  }
  if (!prompt) return undefined;
  if (!canPrompt()) {
    throw usage(
      "--password asks for the password on a terminal, but stdin is not one; use --password-stdin " +
        `(printf '%s' "$PW" | purekit keygen --out private.pem --password-stdin)`,
    );
  }
  const first = await promptHidden("Password for the new private key: ");
  if (first === "") throw usage("the password is empty; leave out --password for an unencrypted key");
  secrets.add(first);
  const again = await promptHidden("Repeat the password: ");
  if (again !== first) throw usage("the passwords do not match; nothing was written");
  return first;
}

export async function run(argv: string[]): Promise<number> {
  const secrets = new SecretSet();
  return guarded(secrets, async () => {
    const args = parseCommand(argv, {
      name: "keygen",
      help: HELP,
      options: {
        out: { type: "string", short: "o" },
        "public-out": { type: "string" },
        password: { type: "boolean" },
        "password-stdin": { type: "boolean" },
        force: { type: "boolean" },
        json: { type: "boolean" },
      },
    });
    if (!args) return 0;
    const { values } = args;
    if (values.out !== undefined && values.out === values["public-out"]) {
      throw usage("--out and --public-out name the same file");
    }
    const password = await newPassword(secrets, values.password === true, values["password-stdin"] === true);
    const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair();
    secrets.add(privateKeyPem);
    const privateText =
      password === undefined ? privateKeyPem : await encryptPkcs8Pem(privateKeyPem, password);
    secrets.add(privateText);
    const force = values.force === true;
    if (values.out !== undefined) {
      await writeNew(values.out, privateText, 0o600, force, "private key");
    }
    if (values["public-out"] !== undefined) {
      await writeNew(values["public-out"], publicKeyPem, 0o644, force, "public key");
    }
    const encrypted = password !== undefined;
    if (values.out === undefined) {
      process.stderr.write(
        "purekit: warning: no --out given, so the private key is printed to stdout: keep it secret, " +
          "and prefer --out FILE (written with mode 0600)\n",
      );
    } else {
      process.stderr.write(
        `purekit: wrote the ${encrypted ? "encrypted " : ""}private key to ${values.out} (mode 0600)` +
          `${values["public-out"] ? ` and the public key to ${values["public-out"]}` : ""}\n`,
      );
    }
    print(
      values.json,
      {
        publicKey: publicKeyPem,
        privateKeyFile: values.out ?? null,
        publicKeyFile: values["public-out"] ?? null,
        encrypted,
        ...(values.out === undefined ? { privateKey: privateText } : {}),
      },
      values.out === undefined ? `${privateText}${publicKeyPem}` : publicKeyPem,
    );
    return 0;
  });
}
