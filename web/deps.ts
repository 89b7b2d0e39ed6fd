/** What the web app needs, handed in by a composition root (src/node.ts or src/worker.ts). */
import type { Config } from "../src/config";
import type { Store } from "../src/store/store";

export interface WebDeps {
  store: Store;
  config: Config;
  now: () => Date;
}
