/**
 * Version negotiation on the wire: ask the product what it speaks (`GET /api/api_version`,
 * where its profile has one) and pick the version with `chooseVersion` (`versions.ts`).
 */
import { parseAnswer, toApiError } from "./answers.ts";
import { readText, type Send } from "./http.ts";
import type { RuntimeProfile } from "./profile.ts";
import type { SecretSet } from "./redact.ts";
import { chooseVersion, listedVersions } from "./versions.ts";

/** The version to speak, and what the product offered (empty where it has no `api_version`). */
export interface Negotiated {
  version: string;
  offered: string[];
}

/**
 * Asks the product which REST versions it speaks and picks one: the pinned version if
 * the product offers it, else the newest both sides know. A product without an
 * `api_version` endpoint (Pure1) speaks every version purekit knows.
 *
 * @example
 * ```ts
 * const { version, offered } = await negotiateVersion({ profile, send, base, origin, known, pinned: "2.38", secrets });
 * ```
 */
export async function negotiateVersion(setup: {
  profile: RuntimeProfile;
  send: Send;
  /** The client's base URL (the gateway's path included). */
  base: string;
  /** Its origin, for messages. */
  origin: string;
  /** The versions purekit knows, oldest first. */
  known: readonly string[];
  pinned: string | undefined;
  secrets: SecretSet;
}): Promise<Negotiated> {
  const { profile, send, base, known, secrets } = setup;
  let offered: string[] = [];
  if (profile.apiVersionPath !== null) {
    const url = `${base}${profile.apiVersionPath}`;
    const res = await send(new Request(url));
    const body = parseAnswer(await readText(res, `GET ${url}`));
    if (!res.ok || typeof body !== "object" || body === null) {
      throw toApiError("GET", url, res, body, "-", new Headers(), secrets);
    }
    offered = listedVersions(body);
  }
  const version = chooseVersion(
    profile.product,
    setup.origin,
    profile.apiVersionPath === null ? known : offered,
    known,
    setup.pinned,
  );
  return { version, offered };
}
