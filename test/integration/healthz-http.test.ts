/**
 * `/healthz` through a real HTTP server on 127.0.0.1: 503 on a fresh database, 503 after a first
 * collection that failed (no AWS credentials: said as such, in French on the pages), 200 after a
 * successful one, 503 again when the database cannot be written; a demo database is excepted.
 * A CloudWatch run with no region to scan is "skipped", never a success.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createCostExplorerClient } from "../../collectors/cost-explorer/client";
import { loadConfig } from "../../src/config";
import { collectCostExplorer } from "../../src/jobs/collect";
import { collectCloudWatch } from "../../src/jobs/collect-cloudwatch";
import { loadDemo } from "../../src/jobs/load-demo";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { createApp } from "../../web/app";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { DEFAULT_ARGS, testClient } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-07-20T08:00:00.000Z");
let fake: FakeCostExplorer | null = null;
let opened: OpenedStore | null = null;
let server: ReturnType<typeof serve> | null = null;

afterEach(async () => {
  if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
  server = null;
  opened?.close();
  opened = null;
});
afterAll(async () => fake?.close());

async function listen(store: OpenedStore["store"], now: () => Date): Promise<string> {
  const app = createApp({ store, config: loadConfig({ CAIRN_LOCALE: "fr" }), now });
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server?.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function health(base: string): Promise<{ status: number; body: { status: string; reason: string } }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason: string } };
}

/** A client whose credential chain finds nothing, as on a machine with no AWS set up. */
function clientWithoutCredentials(endpoint: string) {
  return createCostExplorerClient({
    sdk: {
      endpoint,
      credentials: async () => {
        const error = new Error("Could not load credentials from any providers");
        error.name = "CredentialsProviderError";
        throw error;
      },
      maxAttempts: 1,
      retryStrategy: new ConfiguredRetryStrategy(1, 5),
    },
  });
}

describe("/healthz over HTTP", () => {
  it("503 fresh, 503 after a failed first collection, 200 after a successful one, 503 unwritable", async () => {
    fake = await startFakeCostExplorer({
      dataset: {
        records: demoLikeRecords({ from: "2025-07-01", to: "2026-07-20" }),
        estimated: (d) => d >= "2026-07-01",
      },
      pageSize: 5000,
    });
    opened = openSqliteStore(":memory:");
    const clock = { now: NOW };
    const base = await listen(opened.store, () => clock.now);

    const fresh = await health(base);
    expect(fresh.status).toBe(503);
    expect(fresh.body.reason).toContain("cost-explorer has never collected successfully (never run)");

    const failed = await collectCostExplorer(
      { store: opened.store, costExplorer: clientWithoutCredentials(fake.endpoint), now: () => clock.now },
      DEFAULT_ARGS,
    );
    expect(failed).toMatchObject({ status: "failed", errorKind: "missing-credentials" });
    expect(failed.error).toContain("No AWS credentials were found");
    // CloudWatch with no region to scan did nothing: skipped, which must not make anything look fresh.
    const cw = await collectCloudWatch(
      {
        store: opened.store,
        cloudWatch: () => {
          throw new Error("no client needed");
        },
        now: () => clock.now,
      },
      {},
    );
    expect(cw.status).toBe("skipped");
    const afterFailure = await health(base);
    expect(afterFailure.status).toBe(503);
    expect(afterFailure.body.reason).toContain("No AWS credentials were found");

    const ok = await collectCostExplorer(
      { store: opened.store, costExplorer: testClient(fake.endpoint), now: () => clock.now },
      DEFAULT_ARGS,
    );
    expect(ok.status).toBe("succeeded");
    const healthy = await health(base);
    expect(healthy.status).toBe(200);
    expect(healthy.body.status).toBe("ok");

    // 37 hours later without a new success: stale.
    clock.now = new Date(NOW.getTime() + 37 * 3_600_000);
    const stale = await health(base);
    expect(stale.status).toBe(503);
    expect(stale.body.reason).toMatch(/cost-explorer last collected successfully 37 h ago/);

    // A database that refuses writes.
    clock.now = NOW;
    opened.sqlite.pragma("query_only = ON");
    const unwritable = await health(base);
    expect(unwritable.status).toBe(503);
    expect(unwritable.body.reason).toContain("the database cannot be written");
    opened.sqlite.pragma("query_only = OFF");
  });

  it("a demo database is excepted from the sources' check", async () => {
    opened = openSqliteStore(":memory:");
    await loadDemo(
      { store: opened.store, now: () => NOW, estimate: (lines) => lines.map((line) => ({ line, footprint: null })) },
      { onlyIfEmpty: false },
    );
    const base = await listen(opened.store, () => NOW);
    expect((await health(base)).status).toBe(200);
  });
});

describe("the pages say what /healthz says, in the reader's locale", () => {
  const fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW);
  afterAll(() => fixture.close());

  it("missing credentials, on the overview and the Data health page, in French", async () => {
    const f = await startFakeCostExplorer({ dataset: { records: [], estimated: () => false } });
    try {
      await collectCostExplorer(
        { store: fixture.store, costExplorer: clientWithoutCredentials(f.endpoint), now: () => NOW },
        DEFAULT_ARGS,
      );
    } finally {
      await f.close();
    }
    const admin = await fixture.signIn("admin");
    for (const path of ["/", "/runs"]) {
      const html = await (await admin.request(path)).text();
      expect(html).toContain('id="health-problems"');
      expect(html).toContain("Cost Explorer n&#39;a encore jamais collecté avec succès.");
      expect(html).toContain("Aucun identifiant AWS n’est configuré");
      expect(html).not.toContain("have expired");
    }
  });
});
