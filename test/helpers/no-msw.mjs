// Preloaded into child processes (--import): the optional peer msw cannot be resolved, as in
// a project that never installed it. `purekit mock` (the standalone server) must not need it.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "msw" || specifier.startsWith("msw/")) {
    const error = new Error("Cannot find package '" + specifier + "' (hidden by test/helpers/no-msw.mjs)");
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
