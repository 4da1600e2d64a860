/** Types of bench/callers.mjs. */
export interface Caller {
  call(): Promise<void>;
  close(): Promise<void>;
}
export const API_TOKEN: string;
export const SESSION: string;
export const VERSION: "2.56";
export function purekitCaller(
  createFlashArrayClient: typeof import("../runtime/flasharray.ts").createFlashArrayClient,
  url: string,
  caPem: string,
): Promise<Caller>;
export function fetchCaller(url: string, caPem: string, headers: [string, string][]): Promise<Caller>;
export function requestCaller(url: string, caPem: string, headers: [string, string][]): Promise<Caller>;
export function httpsCaller(url: string, caPem: string, headers: [string, string][]): Promise<Caller>;
