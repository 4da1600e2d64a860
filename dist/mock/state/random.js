/**
 * Deterministic randomness: every id, serial and metric value the mock makes is a
 * pure function of a seed string, so two mocks built with the same options hold
 * byte-identical data (tests can snapshot them) and nothing depends on `Math.random`.
 */
/** 32-bit FNV-1a hash of a string. */
export function hash32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** mulberry32: a tiny, fast PRNG with good enough spread for test data. Returns [0, 1). */
export function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function hex8(n) {
    return (n >>> 0).toString(16).padStart(8, "0");
}
/** A UUID-shaped id (version-4 layout) derived from `key`: `deterministicUuid("vol:1")`. */
export function deterministicUuid(key) {
    const a = hash32(key);
    const b = hash32(`${key}#1`);
    const c = hash32(`${key}#2`);
    const d = hash32(`${key}#3`);
    const h = hex8(a) + hex8(b) + hex8(c) + hex8(d);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16] ?? "0", 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** A 24-digit upper-case hex serial, as FlashArray volumes carry. */
export function deterministicSerial(key) {
    return (hex8(hash32(key)) + hex8(hash32(`${key}!`)) + hex8(hash32(`${key}!!`))).toUpperCase();
}
/** A random-looking token for sessions and access tokens; unique per call within a process. */
export function opaqueToken() {
    return crypto.randomUUID();
}
//# sourceMappingURL=random.js.map