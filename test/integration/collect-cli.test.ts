/**
 * `cairn collect` end to end against the fake Cost Explorer, and the production client factory
 * configured the AWS way: endpoint from AWS_ENDPOINT_URL_COST_EXPLORER, credentials from the
 * default chain, and a role assumed through STS (a local STS on 127.0.0.1) with CAIRN_AWS_ROLE_ARN.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCostExplorerClient } from "../../collectors/cost-explorer/client";
import { collectCommand } from "../../src/cli/collect";
import { type CliContext, CliFailure, UsageError } from "../../src/cli/command";
import { loadConfig } from "../../src/config";
import { collectCostExplorer } from "../../src/jobs/collect";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { DEFAULT_ARGS, storedCents, testClient, truthCents } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { line, unestimated } from "../helpers/lines";

let fake: FakeCostExplorer | null = null;
let opened: OpenedStore | null = null;
let sts: Server | null = null;
afterEach(async () => {
  vi.unstubAllEnvs();
  opened?.close();
  await fake?.close();
  await new Promise<void>((resolve) => (sts ? sts.close(() => resolve()) : resolve()));
  fake = opened = sts = null;
});

const records = demoLikeRecords({ from: "2026-05-01", to: "2026-07-20" });

function context(env: Record<string, string>, interactive: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const store = opened as OpenedStore;
  const ctx: CliContext = {
    config: loadConfig({ CAIRN_DB: ":memory:", CAIRN_BACKFILL_MONTHS: "2", ...env }),
    openStore: () => store.store,
    now: () => new Date("2026-07-15T06:00:00Z"),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    interactive,
    services: {
      costExplorer: () => testClient((fake as FakeCostExplorer).endpoint),
      estimate: (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null })),
      jobHandlers: () => ({}),
    } as unknown as CliContext["services"],
  };
  return { ctx, out, err };
}

describe("cairn collect", () => {
  it("refuses a database that holds the demo dataset, asking nothing of AWS", async () => {
    fake = await startFakeCostExplorer({ dataset: { records, estimated: () => false } });
    opened = openSqliteStore(":memory:");
    await upsertCostLines(opened.store, unestimated([line({ source: "demo" })]), "2026-07-15T00:00:00Z");
    const { ctx } = context({}, false);
    await expect(collectCommand.run(ctx, { source: "all" }, [])).rejects.toThrow(/holds the demo dataset/);
    expect(fake.answered()).toBe(0);
  });

  it("collects, prints rows, requests and their cost, and shows progress per month on a terminal", async () => {
    fake = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-07-01" }, pageSize: 400 });
    opened = openSqliteStore(":memory:");
    const { ctx, out, err } = context({}, true);
    expect(await collectCommand.run(ctx, { source: "cost-explorer" }, [])).toBe(0);
    const requests = fake.answered();
    expect(out[0]).toBe("Cost Explorer 2026-05-01..2026-07-14 (backfill), 2 accounts: succeeded");
    expect(out).toContain(
      `Rows written: ${(opened.sqlite.prepare("SELECT count(*) AS n FROM cost_lines").get() as { n: number }).n}`,
    );
    expect(out).toContain(
      `Requests: ${requests} ($${(requests / 100).toFixed(2)}); this month ${requests} of 300 ($${(requests / 100).toFixed(2)})`,
    );
    expect(out.some((l) => /^Month-end 2026-07: \$[\d.]+, \$[\d.]+ so far \(AWS forecast\)$/.test(l))).toBe(true);
    expect(err[0]).toBe(
      "[1/4] account 111111111111, costs by service and usage type: starting (0/3 months), 1 requests",
    );
    expect(err).toContain(
      "[1/4] account 111111111111, costs by service and usage type: through 2026-07 (3/3 months), 4 requests",
    );
    expect(Object.fromEntries(storedCents(opened, "2026-05-01", "2026-07-15"))).toEqual(
      Object.fromEntries(truthCents(records, "2026-05-01", "2026-07-15")),
    );
  });

  it("prints nothing on stderr when not interactive, and fails with the reason (exit 1)", async () => {
    fake = await startFakeCostExplorer({ dataset: { records, estimated: () => true } });
    opened = openSqliteStore(":memory:");
    fake.fail({ operation: "GetCostAndUsage", kind: "access-denied", times: 9 });
    const { ctx, out, err } = context({}, false);
    await expect(collectCommand.run(ctx, {}, [])).rejects.toThrow(CliFailure);
    await expect(collectCommand.run(ctx, {}, [])).rejects.toThrow(/ce:GetCostAndUsage/);
    expect(out).toContain("Requests: 2 ($0.02); this month 2 of 300 ($0.02)");
    expect(err).toEqual([]);
  });

  it.each([
    [{ source: "s3" }, /--source must be one of/],
    [{ from: "2026-07-10", to: "2026-07-01" }, /--from must be before --to/],
    [{ from: "2026-02-30" }, /--from must be a date/],
    [{ to: "2026-08-01" }, /--to must not be after tomorrow/],
  ])("refuses bad usage %j", async (values, message) => {
    opened = openSqliteStore(":memory:");
    fake = await startFakeCostExplorer({ dataset: { records, estimated: () => true } });
    const { ctx } = context({}, false);
    await expect(collectCommand.run(ctx, values, [])).rejects.toThrow(UsageError);
    await expect(collectCommand.run(ctx, values, [])).rejects.toThrow(message);
    expect(fake.requests).toEqual([]);
  });
});

describe("createCostExplorerClient", () => {
  it("takes the endpoint from AWS_ENDPOINT_URL_COST_EXPLORER and credentials from the default chain", async () => {
    fake = await startFakeCostExplorer({ dataset: { records, estimated: () => true } });
    opened = openSqliteStore(":memory:");
    vi.stubEnv("AWS_ENDPOINT_URL_COST_EXPLORER", fake.endpoint);
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-from-env");
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const client = createCostExplorerClient();
    const summary = await collectCostExplorer(
      { store: opened.store, costExplorer: client, now: () => new Date("2026-07-15T06:00:00Z") },
      { ...DEFAULT_ARGS, backfillMonths: 1 },
    );
    expect(summary.error).toBeNull();
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.violations).toEqual([]);
    expect(new Set(fake.requests.map((r) => r.accessKeyId))).toEqual(new Set(["AKIDFROMENV"]));
  });

  it("assumes CAIRN_AWS_ROLE_ARN through STS and signs with the role's credentials", async () => {
    const assumed: string[] = [];
    sts = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        assumed.push(`${String(req.headers.authorization).split("/")[0]} ${decodeURIComponent(body)}`);
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>ASIAROLETEST</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey><SessionToken>role-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROATEST:cairn-collect</AssumedRoleId><Arn>arn:aws:sts::222222222222:assumed-role/cairn-reader/cairn-collect</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>`);
      });
    });
    await new Promise<void>((resolve) => sts?.listen(0, "127.0.0.1", resolve));
    fake = await startFakeCostExplorer({ dataset: { records, estimated: () => true } });
    opened = openSqliteStore(":memory:");
    vi.stubEnv("AWS_ENDPOINT_URL_COST_EXPLORER", fake.endpoint);
    vi.stubEnv("AWS_ENDPOINT_URL_STS", `http://127.0.0.1:${(sts.address() as AddressInfo).port}`);
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDBASE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "base-secret");
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const client = createCostExplorerClient({ roleArn: "arn:aws:iam::222222222222:role/cairn-reader" });
    const summary = await collectCostExplorer(
      { store: opened.store, costExplorer: client, now: () => new Date("2026-07-15T06:00:00Z") },
      { ...DEFAULT_ARGS, backfillMonths: 1 },
    );
    expect(summary.error).toBeNull();
    expect(assumed).toHaveLength(1);
    expect(assumed[0]).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDBASE .*Action=AssumeRole.*RoleArn=arn:aws:iam::222222222222:role\/cairn-reader.*RoleSessionName=cairn-collect/,
    );
    expect(fake.violations).toEqual([]);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(new Set(fake.requests.map((r) => r.accessKeyId))).toEqual(new Set(["ASIAROLETEST"]));
  });
});
