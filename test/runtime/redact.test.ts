/**
 * Redaction on hostile text (issue 9, points 2 and 4): linear time on shapes that made the
 * old JWT pattern quadratic, and the same answers as before on ordinary text. The sizes are
 * chosen so quadratic redaction would take many minutes (90 KB took 5–21 s): the test then
 * fails by its timeout; no speed is asserted. Timings live in bench/redact.ts.
 */
import { describe, expect, it } from "vitest";
import {
  isSecretName,
  REDACTED,
  redactJwts,
  redactPem,
  redactValue,
  SecretSet,
  secretsInBody,
} from "../../runtime/redact.ts";

const MB = 1024 * 1024;
const fill = (unit: string, size = 2 * MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";

describe("redaction runs in linear time on hostile bodies", () => {
  for (const [name, body] of [
    ["eyJ repeated", fill("eyJ")],
    ["one long first segment", `eyJ${"a".repeat(2 * MB)}`],
    ["first and second segments without the last dot", fill("eyJaaaa.bbbb")],
    ["dotted eyJ pieces", fill("eyJaaaa.")],
    ["unmatched BEGIN lines", fill("-----BEGIN PRIVATE KEY-----\n")],
    ["END markers with bad labels", `-----BEGIN X-----${fill("-----END x")}`],
    ["BEGIN markers with bad labels", fill("-----BEGIN x")],
  ] as const) {
    it(`2 MB of ${name}`, () => {
      const out = new SecretSet().redact(body);
      expect(out.length).toBeLessThanOrEqual(body.length);
    });
  }
});

describe("what is redacted", () => {
  it("JWTs anywhere, also glued to a word, several in a row; nothing else", () => {
    expect(redactJwts(`a ${JWT} b`)).toBe(`a ${REDACTED} b`);
    expect(redactJwts(`x${JWT}`)).toBe(`x${REDACTED}`);
    expect(redactJwts(`${JWT},${JWT}`)).toBe(`${REDACTED},${REDACTED}`);
    expect(redactJwts("eyJabc.def.ghi")).toBe("eyJabc.def.ghi"); // segments too short
    expect(redactJwts("eyJaaaa.bbbb")).toBe("eyJaaaa.bbbb"); // no signature dot
    expect(redactJwts("eyJaaaa.bb.eyJcccc.dddd.e")).toBe(`eyJaaaa.bb.${REDACTED}`);
    expect(redactJwts("no tokens here")).toBe("no tokens here");
  });

  it("PEM blocks, with or without their END line", () => {
    expect(redactPem("a -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- b")).toBe(
      `a ${REDACTED} b`,
    );
    expect(redactPem("a -----BEGIN PRIVATE KEY-----\nMIIE cut")).toBe(`a ${REDACTED}`);
    expect(redactPem("-----BEGIN x-----")).toBe("-----BEGIN x-----"); // not a PEM label
  });

  it("a secret that contains another is replaced whole", () => {
    const s = new SecretSet();
    s.add("abcdef");
    s.add("abcdefghijkl");
    expect(s.redact("abcdefghijkl")).toBe(REDACTED);
  });

  it("a view adds one request's body secrets and sees secrets added to the client later", () => {
    const client = new SecretSet();
    const view = client.with(["N3w-Passw0rd"]);
    client.addTransient("session-added-later");
    expect(view.redact("N3w-Passw0rd session-added-later")).toBe(`${REDACTED} ${REDACTED}`);
    expect(client.redact("N3w-Passw0rd")).toBe("N3w-Passw0rd");
  });

  it("secret-named fields: every spelling of passwords, tokens, keys and secrets, not continuation_token", () => {
    for (const name of [
      "password",
      "old_password",
      "api_token",
      "subject_token",
      "private_key",
      "privateKey",
      "client_secret",
      "passphrase",
      "x-auth-token",
    ])
      expect(isSecretName(name), name).toBe(true);
    for (const name of ["continuation_token", "subject_token_type", "name", "token_type", "secret_santa"])
      expect(isSecretName(name), name).toBe(false);
  });

  it("redactValue redacts every string at any depth and stops at a bounded depth", () => {
    const secrets = new SecretSet();
    secrets.add("T-secret-token-1");
    const value = { a: [{ b: { c: "x T-secret-token-1 y", password: "p" } }], "k T-secret-token-1": 1 };
    expect(JSON.stringify(redactValue(value, secrets))).not.toContain("T-secret-token-1");
    let deep: unknown = "T-secret-token-1";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(JSON.stringify(redactValue(deep, secrets))).not.toContain("T-secret-token-1");
  });

  it("secretsInBody finds secret fields of JSON and form bodies", () => {
    const json = new TextEncoder().encode(JSON.stringify({ a: { password: "pw-123456" }, name: "v" })).buffer;
    expect(secretsInBody(json, "application/json")).toEqual(["pw-123456"]);
    const form = new TextEncoder().encode(`grant_type=x&subject_token=${JWT}&subject_token_type=jwt`).buffer;
    expect(secretsInBody(form, "application/x-www-form-urlencoded")).toEqual([JWT]);
    expect(secretsInBody(undefined, null)).toEqual([]);
  });
});
