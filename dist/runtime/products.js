import { arrayAuthStrategy, pure1AuthStrategy } from "./auth/index.js";
import { createPureClient } from "./client.js";
import { PurekitError } from "./errors.js";
function checkGenerated(product, generated) {
    if (!generated ||
        generated.product !== product ||
        !Array.isArray(generated.versions) ||
        typeof generated.loadTable !== "function") {
        throw new PurekitError("ERR_INVALID_ARGUMENT", `generated is not a generated ${product} module: pass the \`generated\` export of ` +
            `<out>/${product}/index.js written by \`purekit generate --spec … --out <out>\`.`);
    }
}
/** @internal The factories of the product entries call this. */
export function createArrayClient(product, shipped, options) {
    const generated = options.generated ?? shipped;
    checkGenerated(product, generated);
    const { generated: _g, ...rest } = options;
    return createPureClient({
        ...rest,
        product,
        knownVersions: generated.versions,
        loadTable: (v) => generated.loadTable(v),
        makeAuth: (ctx) => arrayAuthStrategy(options.auth, ctx),
    });
}
/** @internal */
export function createPure1ClientFrom(shipped, options) {
    const generated = options.generated ?? shipped;
    checkGenerated("pure1", generated);
    const { generated: _g, baseUrl, ...rest } = options;
    return createPureClient({
        ...rest,
        host: baseUrl ?? "https://api.pure1.purestorage.com",
        product: "pure1",
        knownVersions: generated.versions,
        loadTable: (v) => generated.loadTable(v),
        makeAuth: (ctx) => pure1AuthStrategy(options.auth, ctx),
    });
}
//# sourceMappingURL=products.js.map