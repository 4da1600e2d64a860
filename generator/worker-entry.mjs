// Worker bootstrap: Node 20 workers do not inherit the parent's TypeScript
// loader, so register tsx here before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
