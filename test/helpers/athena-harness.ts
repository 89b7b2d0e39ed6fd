/**
 * What the Athena tests share: a FOCUS export written as Parquet partitions (billing_period=YYYY-MM),
 * the stand-in Athena over it, an Athena client signed with the stand-in's secret, and the
 * dependencies of the Athena collection over a real SQLite store.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AthenaClient } from "@aws-sdk/client-athena";
import { GlueClient } from "@aws-sdk/client-glue";
import type { AthenaClients } from "../../collectors/athena/client";
import type { AthenaDeps } from "../../src/jobs/athena-session";
import type { CostLine } from "../../src/model";
import { type FakeAthena, startFakeAthena } from "./fake-athena";
import { type ParquetLayout, type ParquetRow, writeFocusParquet } from "./focus-parquet";

export const TABLE = "cur.focus_export";
export const SECRET = "athena-test-secret";
export const WORKGROUP = "cairn";
export const OUTPUT = "s3://cairn-athena-results/queries/";

export const noFootprint = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));

export interface AthenaHarness {
  root: string;
  fake: FakeAthena;
  client: AthenaClient;
  glue: GlueClient;
  /** Both clients, as the runtimes hand them to the web app and the jobs. */
  clients: AthenaClients;
  athena: (overrides?: Partial<AthenaDeps>) => AthenaDeps;
  close: () => Promise<void>;
}

export async function startAthenaHarness(
  rows: readonly ParquetRow[],
  options: { bytesLimit?: Record<string, number>; secretAccessKey?: string; layout?: ParquetLayout } = {},
): Promise<AthenaHarness> {
  const secret = options.secretAccessKey ?? SECRET;
  const root = await mkdtemp(join(tmpdir(), "cairn-athena-"));
  await writeFocusParquet(root, rows, options.layout);
  const fake = await startFakeAthena({
    root,
    table: TABLE,
    secretAccessKey: secret,
    ...(options.bytesLimit ? { bytesLimit: options.bytesLimit } : {}),
  });
  const client = new AthenaClient({
    endpoint: fake.endpoint,
    region: "eu-west-3",
    credentials: { accessKeyId: "AKIATESTATHENA", secretAccessKey: secret },
    maxAttempts: 1,
  });
  // The stand-in is Glue too, on the same endpoint (requests signed for `glue`).
  const glue = new GlueClient({
    endpoint: fake.endpoint,
    region: "eu-west-3",
    credentials: { accessKeyId: "AKIATESTATHENA", secretAccessKey: secret },
    maxAttempts: 1,
  });
  return {
    root,
    fake,
    client,
    glue,
    clients: { athena: client, glue },
    athena: (overrides = {}) => ({
      client,
      glue,
      settings: { workgroup: WORKGROUP, outputLocation: OUTPUT },
      table: TABLE,
      maxUsdPerMonth: 5,
      sleep: async () => undefined,
      ...overrides,
    }),
    close: async () => {
      client.destroy();
      glue.destroy();
      await fake.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A month of charges for two accounts and three pipelines, with the naming cases the import handles. */
export function focusMonth(period: string, scale = 1): ParquetRow[] {
  const rows: ParquetRow[] = [];
  const days = Number(period.slice(5, 7)) === 2 ? 28 : 30;
  for (let d = 1; d <= days; d++) {
    const day = `${period}-${String(d).padStart(2, "0")}`;
    const base = { day, billingAccountId: "999999999999", resourceName: "", resourceType: "" };
    rows.push(
      {
        ...base,
        hour: 1,
        accountId: "111111111111",
        service: "Amazon Elastic Compute Cloud",
        serviceCode: "AmazonEC2",
        region: "eu-west-3",
        usageType: "EUW3-BoxUsage:t3.micro",
        unit: "Hrs",
        quantity: 24,
        cost: 0.2832 * scale,
        resourceId: "i-0abc",
        tags: { "user:pipeline": "temperatures" },
      },
      {
        ...base,
        hour: 2,
        accountId: "111111111111",
        service: "Amazon Elastic Compute Cloud",
        serviceCode: "AmazonEC2",
        region: "eu-west-3",
        usageType: "EUW3-EBS:VolumeUsage.gp2",
        unit: "GB-Mo",
        quantity: 0.66,
        cost: 0.0774 * scale,
        resourceId: "vol-01",
        tags: { "user:pipeline": "temperatures" },
      },
      {
        ...base,
        hour: 3,
        accountId: "222222222222",
        service: "Amazon Simple Storage Service",
        serviceCode: "AmazonS3",
        region: "eu-west-1",
        usageType: "EU-TimedStorage-ByteHrs",
        unit: "GB-Mo",
        quantity: 3.2 + d / 100,
        cost: (0.0736 + d / 10_000) * scale,
        resourceId: "camera-traps-images",
        tags: { pipeline: "camera-traps" },
      },
      {
        ...base,
        hour: 4,
        accountId: "222222222222",
        service: "AWS Lambda",
        serviceCode: "AWSLambda",
        region: "eu-west-3",
        usageType: "EUW3-Lambda-GB-Second",
        unit: "Lambda-GB-Second",
        quantity: 5000 * d,
        cost: 0.0000166667 * 5000 * d * scale,
        resourceId: "arn:aws:lambda:eu-west-3:222222222222:function:probe-ingest",
        tags: {},
      },
      {
        ...base,
        hour: 5,
        accountId: "111111111111",
        service: "Amazon CloudFront",
        serviceCode: "AmazonCloudFront",
        region: "us-east-1",
        usageType: "EU-DataTransfer-Out-Bytes",
        unit: "GB",
        quantity: 1.5,
        cost: 0.1275 * scale,
        resourceId: "E2ABCDEF",
        tags: { "user:pipeline": "website" },
      },
    );
    // The same key twice in a day (two resources): summed into one line.
    rows.push({
      ...base,
      hour: 6,
      accountId: "111111111111",
      service: "Amazon Elastic Compute Cloud",
      serviceCode: "AmazonEC2",
      region: "eu-west-3",
      usageType: "EUW3-BoxUsage:t3.micro",
      unit: "Hrs",
      quantity: 24,
      cost: 0.2832 * scale,
      resourceId: "i-0def",
      tags: { "user:pipeline": "temperatures" },
    });
  }
  // Another provider's row in the same export: counted apart, never a cost line.
  rows.push({
    day: `${period}-02`,
    hour: 0,
    billingAccountId: "999999999999",
    accountId: "other",
    service: "Compute Engine",
    region: "europe-west1",
    usageType: "N1 core",
    unit: "h",
    quantity: 1,
    cost: 3,
    resourceId: null,
    resourceName: "",
    resourceType: "",
    tags: {},
    provider: "Google Cloud",
  });
  return rows;
}
