/** The store contract (test/contract/store-contract.ts) on SQLite; the same suite runs on D1 in workerd. */
import { afterAll } from "vitest";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { resourcePeriodsContract } from "../contract/resource-periods-contract";
import { storeContract } from "../contract/store-contract";

const opened = openSqliteStore(":memory:");
afterAll(() => opened.close());
storeContract("SQLite", () => opened.store);
resourcePeriodsContract("SQLite", () => opened.store);
