/** Strict base64 (whitespace allowed); undefined if `text` is anything else. */
export function base64ToBytes(text) {
    const s = text.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1)
        return undefined;
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++)
        out[i] = bin.charCodeAt(i);
    return out;
}
export function bytesToBase64(bytes) {
    let bin = "";
    // Chunked: String.fromCharCode(...big array) overflows the stack on large inputs.
    for (let i = 0; i < bytes.length; i += 0x8000)
        bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
}
/** base64url without padding (JWK fields) to bytes. */
export function base64UrlToBytes(s) {
    const out = base64ToBytes(s
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(s.length / 4) * 4, "="));
    if (!out)
        throw new TypeError("invalid base64url");
    return out;
}
/** PEM text with 64-character lines, as OpenSSL writes it. */
export function toPem(label, der) {
    const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
/** `-----BEGIN <label>-----` / `-----END <label>-----` markers, labels without line breaks or dashes. */
const MARKER = /-----(BEGIN|END) ([^\r\n-]+)-----/g;
/**
 * Every well-formed block in `text`, in order. Text around blocks is ignored (OpenSSL's
 * "Bag Attributes" preambles, comments); a block whose body is not base64 is skipped, and
 * the caller reports "no usable block".
 *
 * Linear in the text: one pass finds the markers, and each BEGIN is paired with the next END
 * of its label (a lazy `BEGIN…END` pattern rescanned the rest of the text from every BEGIN:
 * 1.1 MB of BEGIN lines took 24 s).
 */
export function parsePem(text) {
    const markers = [...text.matchAll(MARKER)].map((m) => ({
        begin: m[1] === "BEGIN",
        label: m[2],
        start: m.index,
        end: m.index + m[0].length,
    }));
    // For each marker, the index of the next END marker with the same label (one backward pass).
    const nextEnd = new Array(markers.length).fill(-1);
    const seen = new Map();
    for (let i = markers.length - 1; i >= 0; i--) {
        const m = markers[i];
        nextEnd[i] = seen.get(m.label) ?? -1;
        if (!m.begin)
            seen.set(m.label, i);
    }
    const blocks = [];
    let cursor = 0;
    for (let i = 0; i < markers.length; i++) {
        const m = markers[i];
        if (!m.begin || m.start < cursor)
            continue;
        const j = nextEnd[i];
        if (j < 0)
            continue;
        const close = markers[j];
        cursor = close.end;
        const block = decodeBlock(m.label, text.slice(m.end, close.start));
        if (block)
            blocks.push(block);
    }
    return blocks;
}
function decodeBlock(label, inside) {
    const headers = new Map();
    const body = [];
    for (const line of inside.split(/\r?\n/)) {
        // Headers ("Name: value") come before the first base64 line.
        const header = body.length === 0 ? /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line.trim()) : null;
        if (header)
            headers.set(header[1].toLowerCase(), header[2].trim());
        else if (line.trim())
            body.push(line);
    }
    const der = base64ToBytes(body.join(""));
    return der && der.length > 0 ? { label: label.trim(), headers, der } : undefined;
}
//# sourceMappingURL=pem.js.map