/**
 * REST version negotiation. `GET /api/api_version` lists what an array
 * speaks (FA key `version`, FB `versions`); the client picks the highest
 * version both sides know, skipping what it does not recognise (`2.s-…`,
 * `2.DEV`, `2.latest` exist in the wild).
 */
import { PurekitError } from "./errors.js";
/** Numeric order of REST versions: `2.9` < `2.10`. */
export function compareVersions(a, b) {
    const pa = a.split(".").map(Number);
    const pb = b.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** The versions listed in an `api_version` answer, whichever key the product uses. */
export function listedVersions(body) {
    const b = body;
    const list = b?.version ?? b?.versions;
    return Array.isArray(list) ? list.filter((v) => typeof v === "string") : [];
}
/**
 * Picks the version to speak.
 *
 * @param offered what the array lists
 * @param known what purekit has generated, oldest first
 * @param pinned what the user asked for, if anything
 */
export function chooseVersion(product, origin, offered, known, pinned) {
    const offeredSet = new Set(offered);
    if (pinned !== undefined) {
        if (!known.includes(pinned)) {
            throw new PurekitError("ERR_VERSION_UNSUPPORTED", `purekit has no ${product} REST ${pinned}; it knows ${known.join(", ")}. Run \`purekit generate --product ${product} --version ${pinned}\` if the spec exists, or pin another version.`);
        }
        if (offered.length && !offeredSet.has(pinned)) {
            const usable = known.filter((v) => offeredSet.has(v));
            throw new PurekitError("ERR_VERSION_UNSUPPORTED", `${origin} does not offer REST ${pinned}; it offers ${offered.filter((v) => /^\d+\.\d+$/.test(v)).join(", ")}. ` +
                (usable.length
                    ? `Pin one of ${usable.join(", ")}, or leave version out to negotiate.`
                    : "purekit shares no version with it."));
        }
        return pinned;
    }
    const common = known.filter((v) => offeredSet.has(v)).sort(compareVersions);
    const best = common.at(-1);
    if (!best) {
        throw new PurekitError("ERR_VERSION_UNSUPPORTED", `${origin} offers ${product} REST ${offered.join(", ") || "nothing"}, and purekit knows ${known[0]}–${known.at(-1)}: no version in common.`);
    }
    return best;
}
//# sourceMappingURL=versions.js.map