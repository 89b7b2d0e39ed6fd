// Types of the bindings and provided values the workers tests see.
import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      AWS_ACCESS_KEY_ID: string;
      AWS_SECRET_ACCESS_KEY: string;
      AWS_ENDPOINT_URL_COST_EXPLORER: string;
      AWS_ENDPOINT_URL_CLOUDWATCH: string;
      CAIRN_CLOUDWATCH_REGIONS: string;
      CAIRN_LOCALE: string;
      CAIRN_PIPELINE_TAG: string;
    }
  }
}

declare module "vitest" {
  interface ProvidedContext {
    wranglerCrons: string[];
    /** The Worker bundle as `wrangler deploy --dry-run` builds it. */
    bundle: { gzipBytes: number; nodeOnlySources: string[]; nodeImports: string[] };
    /** The files of wrangler.toml's [assets] folder, as URL paths. */
    assetPaths: string[];
    ceEndpoint: string;
    /** The fake CloudWatch (test/helpers/fake-cloudwatch.ts), signed with the same test secret. */
    cwEndpoint: string;
    /** The fake SES v2 endpoint (test/helpers/fake-ses.ts); `GET /_received` lists what it got. */
    sesEndpoint: string;
    /** When the scheduled runs fire (ms since epoch). */
    scheduledTime: number;
    /** What the Node path stored for the same Cost Explorer answers. */
    nodeResult: NodeResult;
    /** The fake AWS Organizations (test/helpers/fake-organizations.ts): 45 accounts, pages of 20. */
    organizationsEndpoint: string;
    /** The stand-in Athena (test/helpers/fake-athena.ts), signed with the same test secret. */
    athenaEndpoint: string;
    /** The clock of the Athena collections (ms since epoch). */
    athenaNow: number;
    /** The cost lines the Node path stored from the same Athena answers. */
    athenaNodeLines: {
      day: string;
      account_id: string;
      service: string;
      region: string;
      usage_type: string;
      pipeline: string;
      cost: number;
    }[];
  }
}

export interface NodeResult {
  window: { from: string; to: string };
  lines: number;
  /** Totals in cents over the window: all, and per account, service and pipeline. */
  cents: Record<string, Record<string, [number, number]>>;
  co2eGrams: number;
  /** The fake server's exact totals (cents) over the same window. */
  truthCents: [number, number];
  /** CloudWatch's daily rows as stored: how many, and the sum of their averages. */
  metricDays: { rows: number; total: number };
}
