#!/usr/bin/env node
// The `cairn` executable: registers tsx so the TypeScript sources run as they are, then hands
// over to the composition root.
import { register } from "tsx/esm/api";

register();
await import("./node.ts");
