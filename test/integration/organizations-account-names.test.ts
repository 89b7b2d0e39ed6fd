/**
 * Account names from AWS Organizations (issue 16, point 6): opt-in, read with ListAccounts page by
 * page from a local Organizations speaking the real protocol (signed, checked), stored, and named
 * below CAIRN_ACCOUNT_NAMES and above the demo's names. A refusal (not the management account or
 * a delegated administrator) or an account in no organisation is recorded and said clearly,
 * and cost collection goes on.
 */
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { createOrganizationsClient } from "../../collectors/organizations/client";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { loadAccountNames } from "../../src/accounts/load-account-names";
import { estimateLines } from "../../src/carbon/estimate";
import { collectCommand } from "../../src/cli/collect";
import type { CliContext, CliServices } from "../../src/cli/command";
import { loadConfig } from "../../src/config";
import { collectOrganizationNames } from "../../src/jobs/collect-organizations";
import { buildJobHandlers, NODE_RUNTIME } from "../../src/jobs/handlers";
import { loadDemo } from "../../src/jobs/load-demo";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { readOrganizationAccounts } from "../../src/store/organization-accounts";
import { lastSuccessfulRun } from "../../src/store/runs";
import { collectionRuns } from "../../src/store/schema/index";
import { readDb } from "../../src/store/store";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { lineCount, TEST_CREDENTIALS, testClient } from "../helpers/cost-explorer-harness";
import { FAKE_ACCESS_KEY, FAKE_SECRET_KEY, type FakeCloudWatch, startFakeCloudWatch } from "../helpers/fake-cloudwatch";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { type FakeAccount, type FakeOrganizations, startFakeOrganizations } from "../helpers/fake-organizations";
import { squash } from "../helpers/report-demo";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-11-28T05:15:00Z");
let orgs: FakeOrganizations;
let opened: OpenedStore;

/** 45 accounts: three pages of 20. */
const MANY: FakeAccount[] = Array.from({ length: 45 }, (_, i) => ({
  Id: String(100000000000 + i),
  Name: `team-${i}`,
  ...(i === 7 ? { State: "SUSPENDED" as const } : {}),
}));

const client = () =>
  createOrganizationsClient({
    sdk: {
      endpoint: orgs.endpoint,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 2,
      retryStrategy: new ConfiguredRetryStrategy(2, 5),
    },
  });

beforeEach(async () => {
  orgs = await startFakeOrganizations({ accounts: MANY, secretAccessKey: TEST_CREDENTIALS.secretAccessKey });
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  opened.close();
  await orgs.close();
});

describe("ListAccounts", () => {
  it("reads every page with NextToken and stores each account's name and status", async () => {
    const summary = await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    expect(orgs.violations).toEqual([]);
    expect(summary).toMatchObject({ status: "succeeded", accounts: 45, requests: 3, error: null });
    expect(orgs.requests.map((r) => typeof r.body.NextToken)).toEqual(["undefined", "string", "string"]);
    const stored = await readOrganizationAccounts(opened.store);
    expect(stored).toHaveLength(45);
    expect(stored[7]).toMatchObject({ accountId: "100000000007", name: "team-7", status: "SUSPENDED" });
    expect(stored[44]).toMatchObject({ accountId: "100000000044", name: "team-44", status: "ACTIVE" });
    const runs = await readDb(opened.store).select().from(collectionRuns);
    expect(runs.map((r) => [r.source, r.status, r.requests, r.rowsWritten])).toEqual([
      ["organizations", "succeeded", 3, 45],
    ]);
  });

  it("replaces the names whole on the next read: a renamed account is renamed, a gone one forgotten", async () => {
    await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    orgs.setAccounts([{ Id: "100000000001", Name: "renamed" }]);
    await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    expect((await readOrganizationAccounts(opened.store)).map((a) => `${a.accountId}=${a.name}`)).toEqual([
      "100000000001=renamed",
    ]);
  });

  it("names accounts with CAIRN_ACCOUNT_NAMES first, then Organizations, then the demo", async () => {
    orgs.setAccounts([
      { Id: "111122223333", Name: "org-production" },
      { Id: "444455556666", Name: "Bac à sable (Organizations)" },
      { Id: "555566667777", Name: "Données" },
    ]);
    await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    const config = loadConfig({
      CAIRN_ACCOUNT_NAMES: "111122223333=Production",
      CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "1",
    });
    const names = await loadAccountNames(opened.store, config);
    expect(names["111122223333"]).toBe("Production");
    // The demo calls 444455556666 "aarc-sandbox": Organizations' name wins over it.
    expect(names["444455556666"]).toBe("Bac à sable (Organizations)");
    expect(names["555566667777"]).toBe("Données");
    // Organizations turned off: its stored names are not used, the demo's stands.
    const off = await loadAccountNames(opened.store, loadConfig({ CAIRN_ACCOUNT_NAMES: "111122223333=Production" }));
    expect(off).toMatchObject({ "111122223333": "Production", "444455556666": "aarc-sandbox" });
    expect(off["555566667777"]).toBeUndefined();
  });

  it("says clearly that only the management account or a delegated administrator may list accounts, and keeps the last names", async () => {
    await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    orgs.fail("access-denied");
    const summary = await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    expect(summary.status).toBe("failed");
    expect(summary.errorKind).toBe("organizations-denied");
    expect(summary.error).toMatch(/management account.*delegated administrator.*organizations:ListAccounts/);
    expect(summary.error).toMatch(/Cost collection is not affected/);
    expect(await readOrganizationAccounts(opened.store)).toHaveLength(45);
  });

  it("says when the account is in no organisation", async () => {
    orgs.fail("not-in-use");
    const summary = await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    expect(summary).toMatchObject({ status: "failed", errorKind: "organizations-not-in-use" });
    expect(summary.error).toMatch(/in no AWS Organizations organisation.*CAIRN_ACCOUNT_NAMES/);
  });

  it("a successful names read never makes the cost data look fresh", async () => {
    await collectOrganizationNames({ store: opened.store, organizations: client, now: () => NOW });
    expect(await lastSuccessfulRun(opened.store)).toBeNull();
  });
});

describe("the scheduled collection with names from Organizations", () => {
  let ce: FakeCostExplorer;
  let cw: FakeCloudWatch;
  beforeEach(async () => {
    const records = demoLikeRecords({ from: "2026-10-01", to: "2026-11-28" });
    ce = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-11-01" }, pageSize: 2000 });
    cw = await startFakeCloudWatch({ metrics: [] });
  });
  afterEach(async () => {
    await ce.close();
    await cw.close();
  });

  function collect(env: Record<string, string>) {
    const handlers = buildJobHandlers({
      runtime: NODE_RUNTIME,
      store: opened.store,
      now: () => NOW,
      config: loadConfig({ CAIRN_MAIL_TRANSPORT: "none", CAIRN_BACKFILL_MONTHS: "1", ...env }),
      estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
      costExplorer: () => testClient(ce.endpoint),
      cloudWatch: createCloudWatchClientFactory({
        sdk: { endpoint: cw.url, credentials: { accessKeyId: FAKE_ACCESS_KEY, secretAccessKey: FAKE_SECRET_KEY } },
      }),
      organizations: client,
      mail: () => null,
      webhook: () => null,
      renderers: NO_RENDERERS,
    });
    if (!handlers.collect) throw new Error("no collect handler");
    return handlers.collect();
  }

  it("reads the names when opted in, and a refusal does not fail the collection", async () => {
    orgs.fail("access-denied");
    const said = await collect({ CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "1" });
    expect(said).toMatch(
      /^cost explorer: .*\| AWS Organizations: account names not read: .*management account.*\| cloudwatch: /,
    );
    expect(lineCount(opened)).toBeGreaterThan(100);
    const runs = await readDb(opened.store).select().from(collectionRuns);
    expect(runs.map((r) => `${r.source}:${r.status}:${r.errorKind ?? ""}`).sort()).toEqual([
      "cloudwatch:succeeded:",
      "cost-explorer:succeeded:",
      "organizations:failed:organizations-denied",
    ]);
    orgs.fail(null);
    expect(await collect({ CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "1" })).toMatch(
      /AWS Organizations: 45 account name\(s\) read in 3 request\(s\)/,
    );
  });

  it("makes no Organizations call when not opted in", async () => {
    const said = await collect({});
    expect(said).not.toMatch(/Organizations/);
    expect(orgs.requests).toHaveLength(0);
    expect(orgs.violations).toHaveLength(0);
    const runs = await readDb(opened.store).select().from(collectionRuns);
    expect(runs.map((r) => r.source).sort()).toEqual(["cloudwatch", "cost-explorer"]);
  });
});

describe("the pages with names from Organizations", () => {
  it("name the accounts in the explorer, and the data health page says why Organizations refused", async () => {
    const fixture = webFixture(
      { CAIRN_LOCALE: "fr", CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "1" },
      new Date("2026-11-18T10:00:00Z"),
    );
    try {
      await loadDemo(
        {
          store: fixture.store,
          now: () => new Date("2026-11-18T10:00:00Z"),
          estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
        },
        { onlyIfEmpty: false },
      );
      orgs.setAccounts([{ Id: "111122223333", Name: "Recherche (Organizations)" }]);
      await collectOrganizationNames({ store: fixture.store, organizations: client, now: () => NOW });
      const viewer = await fixture.signIn("viewer");
      const costs = await (await viewer.request("/costs?groupBy=account")).text();
      expect(costs).toMatch(/<option value="111122223333"[^>]*>Recherche \(Organizations\) \(111122223333\)<\/option>/);
      const csv = await (await viewer.request("/api/v1/costs.csv?groupBy=account")).text();
      expect(csv).toContain("111122223333,Recherche (Organizations),");

      orgs.fail("access-denied");
      await collectOrganizationNames({ store: fixture.store, organizations: client, now: () => NOW });
      const runs = squash(await (await viewer.request("/runs")).text());
      expect(runs).toContain("AWS Organizations (noms des comptes)");
      expect(runs).toContain(
        "seul le compte de gestion de l’organisation, ou un compte membre enregistré comme administrateur délégué, peut le faire",
      );
      // The last names read stay in use.
      expect(await (await viewer.request("/costs?groupBy=account")).text()).toContain(
        "Recherche (Organizations) (111122223333)",
      );
    } finally {
      fixture.close();
    }
  });
});

describe("cairn collect --source organizations", () => {
  function cli(env: Record<string, string>, lines: string[]): CliContext {
    return {
      config: loadConfig(env),
      openStore: () => opened.store,
      now: () => NOW,
      out: (t) => lines.push(t),
      err: (t) => lines.push(t),
      interactive: false,
      services: { organizations: client } as unknown as CliServices,
    };
  }

  it("reads the names when opted in, fails with the reason when refused, and is refused when not opted in", async () => {
    const lines: string[] = [];
    const on = { CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "1" };
    expect(await collectCommand.run(cli(on, lines), { source: "organizations" }, [])).toBe(0);
    expect(lines).toEqual(["AWS Organizations: 45 account name(s) read in 3 request(s) (free)"]);
    orgs.fail("access-denied");
    await expect(collectCommand.run(cli(on, []), { source: "organizations" }, [])).rejects.toThrow(
      /management account.*delegated administrator/,
    );
    const before = orgs.requests.length;
    await expect(collectCommand.run(cli({}, []), { source: "organizations" }, [])).rejects.toThrow(
      /CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS=1/,
    );
    expect(orgs.requests).toHaveLength(before);
  });
});
