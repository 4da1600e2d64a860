/**
 * The one place the mocks import msw. The Deno adapter must run first (module
 * evaluation follows import order), so a Deno process that imports the mocks can
 * still exit; see platform/deno.ts.
 */
import "./platform/deno.js";
export { getResponse, http } from "msw";
//# sourceMappingURL=msw.js.map