/** Strict base64 (whitespace allowed); undefined if `text` is anything else. */
export function base64ToBytes(text) {
  const s = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return undefined;
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
export function bytesToBase64(bytes) {
  let bin = "";
  // Chunked: String.fromCharCode(...big array) overflows the stack on large inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
/** base64url without padding (JWK fields) to bytes. */
export function base64UrlToBytes(s) {
  const out = base64ToBytes(
    s
      .replace(/-/g, "+")
      .replace(/_/g, "/")
      .padEnd(Math.ceil(s.length / 4) * 4, "="),
  );
  if (!out) throw new TypeError("invalid base64url");
  return out;
}
/** PEM text with 64-character lines, as OpenSSL writes it. */
export function toPem(label, der) {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
/**
 * Every well-formed block in `text`, in order. Text around blocks is ignored (OpenSSL's
 * "Bag Attributes" preambles, comments); a block whose body is not base64 is skipped, and
 * the caller reports "no usable block".
 */
export function parsePem(text) {
  const blocks = [];
  for (const m of text.matchAll(/-----BEGIN ([^\r\n-]+)-----([\s\S]*?)-----END \1-----/g)) {
    const headers = new Map();
    const body = [];
    for (const line of (m[2] ?? "").split(/\r?\n/)) {
      // Headers ("Name: value") come before the first base64 line.
      const header = body.length === 0 ? /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line.trim()) : null;
      if (header) headers.set(header[1].toLowerCase(), header[2].trim());
      else if (line.trim()) body.push(line);
    }
    const der = base64ToBytes(body.join(""));
    if (der && der.length > 0) blocks.push({ label: m[1].trim(), headers, der });
  }
  return blocks;
}
//# sourceMappingURL=pem.js.map
