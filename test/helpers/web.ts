/** A web app over a real in-memory store, for `app.request()` tests. */
import { loadConfig } from "../../src/config";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { createApp } from "../../web/app";

export function webFixture(env: Record<string, string> = {}, now = new Date("2026-11-18T10:00:00Z")) {
  const opened = openSqliteStore(":memory:");
  const config = loadConfig(env);
  const app = createApp({ store: opened.store, config, now: () => now });
  return { app, store: opened.store, config, close: opened.close, now };
}
