#!/usr/bin/env node
export {};
//# sourceMappingURL=purekit.d.ts.map