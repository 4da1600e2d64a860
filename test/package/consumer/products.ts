// Each product entry's exact types (its newest shipped version), for tsc and `deno check`.
// Written so that loose types fail: a path or version the entry does not know must be
// rejected, and the real ones accepted.
import type { FlashArrayClient, FlashArrayLatestPaths, FlashArrayVersion } from "purekit/flasharray";
import type {
  FlashBladeClient,
  FlashBladeLatestPaths,
  FlashBladeSchema,
  FlashBladeVersion,
} from "purekit/flashblade";
import type { Pure1Client, Pure1LatestPaths, Pure1Schema, Pure1Version } from "purekit/pure1";

export const faPath: keyof FlashArrayLatestPaths = "/volumes";
// @ts-expect-error not a FlashArray path
export const faNoPath: keyof FlashArrayLatestPaths = "/nope";
export const faVersion: FlashArrayVersion = "2.38";
// @ts-expect-error not a shipped FlashArray version
export const faNoVersion: FlashArrayVersion = "2.99";

export const fbPath: keyof FlashBladeLatestPaths = "/file-systems";
// @ts-expect-error not a FlashBlade path
export const fbNoPath: keyof FlashBladeLatestPaths = "/volumes";
export const fbVersion: FlashBladeVersion = "2.28";
// @ts-expect-error not a shipped FlashBlade version
export const fbNoVersion: FlashBladeVersion = "2.99";

export const p1Path: keyof Pure1LatestPaths = "/arrays";
// @ts-expect-error not a Pure1 path
export const p1NoPath: keyof Pure1LatestPaths = "/nope";
export const p1Version: Pure1Version = "1.6";
// @ts-expect-error not a shipped Pure1 version
export const p1NoVersion: Pure1Version = "1.99";

export async function calls(fa: FlashArrayClient, fb: FlashBladeClient, p1: Pure1Client): Promise<unknown[]> {
  const { data: volumes } = await fa.GET("/volumes", { params: { query: { limit: 1 } } });
  const { data: fileSystems } = await fb.GET("/file-systems", { params: { query: { limit: 1 } } });
  const fs: FlashBladeSchema<"FileSystem"> | undefined = fileSystems?.items?.[0];
  const { data: arrays } = await p1.GET("/arrays", {});
  const array: Pure1Schema<"Array"> | undefined = arrays?.items?.[0];
  return [volumes?.items?.[0]?.provisioned, fs?.name, array?.name];
}
