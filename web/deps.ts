/** What the web app needs, handed in by a composition root (src/node.ts or src/worker.ts). */
import type { AthenaClients } from "../collectors/athena/client";
import type { Config } from "../src/config";
import type { Store } from "../src/store/store";
import type { AuthOptions } from "./auth/options";

export interface WebDeps {
  store: Store;
  config: Config;
  now: () => Date;
  /** Runtime facts for sign-in (client address, demo mode); absent means none. */
  auth?: AuthOptions;
  /** Runs a collection now (the admin's button on /runs); absent where it cannot run. */
  collectNow?: () => Promise<string>;
  /** Athena, for Resources views of periods not kept locally (CAIRN_ATHENA_TABLE); absent when not built. */
  athena?: () => AthenaClients;
}
