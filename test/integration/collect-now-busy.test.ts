/** "Collect now" while another process holds the collection lock: the page says so (FR and EN). */
import { describe, expect, it } from "vitest";
import { withCollectionLock } from "../../src/jobs/collection-lock";
import { acquireLock } from "../../src/store/job-locks";
import { webFixture } from "../helpers/web";

describe("Collect now while a collection runs", () => {
  for (const [locale, words] of [
    ["fr", "Une collecte est déjà en cours sur cette base"],
    ["en", "A collection is already running on this database"],
  ] as const) {
    it(`says a collection is already running and does not start another (${locale})`, async () => {
      let started = 0;
      const now = new Date("2026-11-18T10:00:00Z");
      const fixture = webFixture({ CAIRN_LOCALE: locale }, now, {
        collectNow: () =>
          withCollectionLock({ store: fixture.store, now: () => now }, "cairn serve", async () => {
            started += 1;
            return "collected";
          }),
      });
      // `cairn collect` in another process holds the lock.
      await acquireLock(fixture.store, { name: "collection", holderLabel: "cairn collect", leaseMs: 300_000, now });
      const admin = await fixture.signIn("admin");
      const res = await admin.request("/runs/collect", { form: {} });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain(words);
      expect(started).toBe(0);
      fixture.close();
    });
  }
});
