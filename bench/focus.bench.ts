/**
 * FOCUS import: generates FOCUS 1.2-shaped CSV files (250,000 and 1,000,000 resource-level rows,
 * a month of hourly charges over a bounded set of cost-line keys) in a temp folder, imports each
 * into a fresh SQLite file with the real carbon estimator, and reports rows/s against a baseline
 * measured in the same run: reading the same file line by line (node:readline) without parsing.
 * Each is run in a fresh process (bench/focus-child.ts), whose RSS and heap high-water marks are
 * sampled every 20 ms. Target: peak RSS under 200 MB whatever the file size (the two sizes should
 * show about the same peak). FOCUS_BENCH_SIZES=250000,1000000 sets the sizes.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = (process.env.FOCUS_BENCH_SIZES ?? "250000,1000000").split(",").map(Number);
const MB = 1024 * 1024;

const HEADER = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "BillingCurrency",
  "BillingAccountId",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ProviderName",
  "ServiceName",
  "RegionId",
  "SubAccountId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ResourceId",
  "SkuMeter",
  "Tags",
  "x_UsageType",
  "InvoiceId",
];

const SERVICES: [string, string, string][] = [
  ["AWS Lambda", "Lambda-GB-Second", "GB-Seconds"],
  ["Amazon Elastic Compute Cloud", "BoxUsage:t3.medium", "Hrs"],
  ["Amazon Elastic Compute Cloud", "BoxUsage:g4dn.xlarge", "Hrs"],
  ["Amazon Simple Storage Service", "TimedStorage-ByteHrs", "GB-Mo"],
  ["Amazon Relational Database Service", "Aurora:ServerlessV2Usage", "ACU-Hr"],
  ["AmazonCloudWatch", "CW:MetricMonitorUsage", "Metrics"],
  ["AWS Step Functions", "StateTransition", "Transitions"],
  ["Amazon Elastic Container Service", "Fargate-vCPU-Hours:perCPU", "hours"],
];
const REGIONS: [string, string][] = [
  ["eu-west-3", "EUW3"],
  ["eu-central-1", "EUC1"],
  ["us-east-1", "USE1"],
];
const PIPELINES = ["temperatures", "camera-traps", "website", ""];

async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(",")}\n`);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const hour = i % 720;
    const day = String(1 + Math.floor(hour / 24)).padStart(2, "0");
    const hh = String(hour % 24).padStart(2, "0");
    // The hour cycles fastest; the other dimensions vary with the block of hours, so keys mix.
    const block = Math.floor(i / 720);
    const [service, usage, unit] = SERVICES[block % SERVICES.length] as [string, string, string];
    const [region, prefix] = REGIONS[Math.floor(block / 8) % REGIONS.length] as [string, string];
    const pipeline = PIPELINES[Math.floor(block / 24) % PIPELINES.length] as string;
    const account = `0${Math.floor(block / 96) % 4}1111111111`;
    const cost = ((i % 997) * 0.00037).toFixed(8);
    const tags = pipeline === "" ? "" : `"{""pipeline"": ""${pipeline}"", ""owner"": ""team-${i % 9}""}"`;
    chunk += `${cost},${cost},${cost},USD,999999999999,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z,2026-01-${day}T${hh}:00:00Z,2026-01-${day}T${hh}:59:59Z,Usage,,"${usage} in ${region}, per unit",AWS,${service},${region},${account},${(i % 500) / 10},${unit},arn:aws:x:${region}:${account}:r/res-${i % 50_000},${usage},${tags},${prefix}-${usage},INV-1\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

interface ChildResult {
  units: number;
  costLines: number;
  seconds: number;
  startRssMb: number;
  rssMb: number;
  heapMb: number;
}

const CHILD = join(dirname(fileURLToPath(import.meta.url)), "focus-child.ts");

/** Each measurement in a fresh process, so its peak memory is its own. */
function child(args: string[]): ChildResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", CHILD, ...args], {
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    maxBuffer: 16 * MB,
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) throw new Error(`focus-child failed: ${result.stderr}`);
  return JSON.parse(last) as ChildResult;
}

export async function bench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-focus-"));
  try {
    for (const rows of SIZES) {
      const file = join(dir, `focus-${rows}.csv`);
      await generate(file, rows);
      const sizeMb = statSync(file).size / MB;
      const baseline = child(["baseline", file]);
      const run = child(["import", file, join(dir, `focus-${rows}.db`)]);
      if (run.units !== rows) throw new Error(`imported ${run.units} rows of ${rows}`);
      const baseRate = baseline.units / baseline.seconds;
      const rate = rows / run.seconds;
      log(
        `${rows.toLocaleString("en")} rows (${sizeMb.toFixed(0)} MB CSV) -> ${run.costLines.toLocaleString("en")} cost lines`,
      );
      log(
        `  baseline, readline only: ${Math.round(baseRate).toLocaleString("en")} lines/s, peak RSS ${baseline.rssMb.toFixed(0)} MB ` +
          `(process at start ${baseline.startRssMb.toFixed(0)} MB)`,
      );
      log(
        `  import (parse, aggregate, estimate, write): ${Math.round(rate).toLocaleString("en")} rows/s ` +
          `(${(rate / baseRate).toFixed(2)}x baseline), peak RSS ${run.rssMb.toFixed(0)} MB, peak heap ${run.heapMb.toFixed(0)} MB ` +
          `(target RSS < 200 MB: ${run.rssMb < 200 ? "met" : "NOT met"})`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
