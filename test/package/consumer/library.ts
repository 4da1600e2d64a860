// A library that wraps purekit and lets TypeScript infer its types, built with
// `declaration: true`: the emitted declarations must name purekit's public entries.
import { createFlashArrayClient, flasharray } from "purekit/flasharray";
import { createFlashBladeClient } from "purekit/flashblade";
import { createPure1Client } from "purekit/pure1";

export function connectArray(host: string, apiToken: string) {
  return createFlashArrayClient({ host, auth: { apiToken } });
}
export function connectBlade(host: string, apiToken: string) {
  return createFlashBladeClient({ host, auth: { apiToken } });
}
export function connectPure1(appId: string, privateKeyFile: string) {
  return createPure1Client({ auth: { appId, privateKeyFile } });
}
export const shipped = flasharray;
export async function volumeNames(host: string, apiToken: string) {
  await using fa = await connectArray(host, apiToken);
  const { data } = await fa.GET("/volumes", {});
  return data?.items?.map((v) => v.name);
}
