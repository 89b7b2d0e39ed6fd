#!/usr/bin/env node
// The `cairn` executable: registers tsx so the TypeScript sources run as they are (with the
// project's tsconfig whatever the working directory), then hands over to the composition root.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("./node.ts");
