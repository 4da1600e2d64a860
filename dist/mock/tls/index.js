export { createSelfSignedCertificate, } from "./certificate.js";
//# sourceMappingURL=index.js.map