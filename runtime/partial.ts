/**
 * Partial success. FlashArray and FlashBlade answer 207 Multi-Status (and at times
 * 200) with `items` for what worked beside `errors[]` for what did not: creating
 * `names=v1,v2` where `v2` exists, deleting several snapshots of which one is held.
 * Those errors are never dropped silently (docs/decisions/010-partial-success.md):
 * results carry them as `errors`, friendly methods and `unwrap` throw a
 * {@link PartialResultError} holding the data, and `paginate`/`pages` throw one at
 * the end, unless the caller opts in with `allowErrors` or `onErrors`.
 */

import { type PureErrorItem, PurekitError } from "./errors.ts";

// The class lives with the other error classes; re-exported where it always was.
export { PartialResultError } from "./errors.ts";

import type { SecretSet } from "./redact.ts";

/** Options that let a call return partial data without throwing. */
export interface PartialOptions {
  /**
   * Return the data of an answer that also carries `errors[]` instead of throwing a
   * {@link PartialResultError}. The errors stay in the data's own `errors` field.
   */
  allowErrors?: boolean;
  /**
   * `paginate`/`pages` only: called with each page's `errors[]` as it arrives; giving it
   * means the caller handles them, so the listing does not throw at the end.
   */
  onErrors?: (errors: PureErrorItem[], page: unknown) => void;
}

/**
 * The per-item errors of a successful answer (redacted), or undefined when there are none.
 * Any non-empty `errors[]` counts, with 207 or 200: an error never hides behind an ok status.
 */
export function partialErrors(data: unknown, secrets: SecretSet): PureErrorItem[] | undefined {
  if (!data || typeof data !== "object") return undefined;
  const errors = (data as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((e) => {
    const item = (e && typeof e === "object" ? e : { message: String(e) }) as PureErrorItem;
    return {
      ...item,
      message: secrets.redact(String(item.message ?? "")),
      ...(typeof item.context === "string" ? { context: secrets.redact(item.context) } : {}),
    };
  });
}

/** `3 of 5 items failed: v2: Volume already exists; v3: …` — the first few, then a count. */
export function describeErrors(errors: PureErrorItem[]): string {
  const shown = errors
    .slice(0, 3)
    .map((e) => (e.context ? `${e.context}: ${e.message}` : e.message))
    .join("; ");
  return errors.length > 3 ? `${shown}; and ${errors.length - 3} more` : shown;
}

/** Checks `allowErrors` and `onErrors` as given at run time (from JavaScript, from config). */
export function checkPartialOptions(options: PartialOptions | undefined): void {
  if (options?.allowErrors !== undefined && typeof options.allowErrors !== "boolean") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `allowErrors must be true or false, got ${typeof options.allowErrors}.`,
    );
  }
  if (options?.onErrors !== undefined && typeof options.onErrors !== "function") {
    throw new PurekitError(
      "ERR_INVALID_ARGUMENT",
      `onErrors must be a function (errors, page) => void, got ${typeof options.onErrors}.`,
    );
  }
}
