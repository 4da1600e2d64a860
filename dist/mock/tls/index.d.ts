export { createSelfSignedCertificate, type SelfSignedCertificate, type SelfSignedCertificateOptions, } from "./certificate.ts";
//# sourceMappingURL=index.d.ts.map