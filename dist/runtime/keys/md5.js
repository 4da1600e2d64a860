// K[i] = floor(|sin(i + 1)| * 2^32), exactly as RFC 1321 defines the table.
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
const R = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
export function md5(msg) {
    const n = ((msg.length + 8) >>> 6) * 64 + 64; // room for 0x80 and the 64-bit length
    const buf = new Uint8Array(n);
    buf.set(msg);
    buf[msg.length] = 0x80;
    const view = new DataView(buf.buffer);
    view.setUint32(n - 8, (msg.length * 8) >>> 0, true);
    view.setUint32(n - 4, Math.floor(msg.length / 2 ** 29), true);
    const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for (let off = 0; off < n; off += 64) {
        let [a, b, c, d] = h;
        for (let i = 0; i < 64; i++) {
            const round = i >> 4;
            const f = [(b & c) | (~b & d), (d & b) | (~d & c), b ^ c ^ d, c ^ (b | ~d)][round];
            const g = [i, 5 * i + 1, 3 * i + 5, 7 * i][round] % 16;
            const x = (a + f + K[i] + view.getInt32(off + 4 * g, true)) | 0;
            const s = R[round * 4 + (i & 3)];
            [a, d, c, b] = [d, c, b, (b + ((x << s) | (x >>> (32 - s)))) | 0];
        }
        h[0] = (h[0] + a) | 0;
        h[1] = (h[1] + b) | 0;
        h[2] = (h[2] + c) | 0;
        h[3] = (h[3] + d) | 0;
    }
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    for (const [i, v] of h.entries())
        outView.setInt32(i * 4, v, true);
    return out;
}
//# sourceMappingURL=md5.js.map