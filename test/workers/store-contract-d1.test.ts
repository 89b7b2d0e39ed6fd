// The store contract (test/contract/store-contract.ts) on a real local D1 inside workerd: the
// same cases as on SQLite, through the same functions.
import { env } from "cloudflare:workers";
import { d1Store } from "../../src/worker";
import { resourcePeriodsContract } from "../contract/resource-periods-contract";
import { storeContract } from "../contract/store-contract";

storeContract("D1", () => d1Store(env as never));
resourcePeriodsContract("D1", () => d1Store(env as never));
