#!/usr/bin/env node
// The `purekit` binary. purekit ships TypeScript sources; on Node 20 they run
// through tsx's loader (Node 22.6+ could strip types natively, Node 20 cannot).
import { register } from "tsx/esm/api";

register();
await import("./purekit.ts");
