#!/usr/bin/env node
// The development `cairn`: registers tsx so the TypeScript sources run as they are (with the
// project's tsconfig whatever the working directory), then hands over to the composition root.
// The tests run it, so they always see the current sources. Production runs the compiled
// bundle instead (dist/node/cairn.js, built by `npm ci` / `npm run build`: src/build-node.ts).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("./node.ts");
