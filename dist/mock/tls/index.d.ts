export { createSelfSignedCertificate, type SelfSignedCertificate, type SelfSignedCertificateOptions, } from "./certificate.js";
//# sourceMappingURL=index.d.ts.map