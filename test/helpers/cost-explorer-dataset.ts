/**
 * Deterministic Cost Explorer datasets for the fake server, shaped like the demo organisation:
 * a research account (probes, camera traps) and a website account, a few dozen usage types,
 * pipelines tagged or not, amounts with ten decimals as AWS sends them, a credit now and then,
 * and one usage type (data transfer out) billed under two services, which exercises allocation.
 */
import type { FakeRecord } from "./fake-cost-explorer";

interface UsageSpec {
  service: string;
  usageType: string;
  unit: string;
  /** Pipeline values that use it ('' = untagged). */
  pipelines: string[];
  /** Typical daily unblended cost. */
  dailyUsd: number;
  /** Probability the usage type has a line on a given day. */
  presence: number;
  /** Only on the first of the month (tax, monthly fees). */
  monthly?: boolean;
}

const RESEARCH: UsageSpec[] = [
  {
    service: "Amazon Elastic Compute Cloud - Compute",
    usageType: "EUW3-SpotUsage:g4dn.xlarge",
    unit: "Hrs",
    pipelines: ["camera-traps"],
    dailyUsd: 4,
    presence: 0.5,
  },
  {
    service: "Amazon Elastic Compute Cloud - Compute",
    usageType: "EUW3-BoxUsage:t3.micro",
    unit: "Hrs",
    pipelines: ["probes", ""],
    dailyUsd: 0.25,
    presence: 1,
  },
  {
    service: "EC2 - Other",
    usageType: "EUW3-EBS:VolumeUsage.gp3",
    unit: "GB-Mo",
    pipelines: ["camera-traps", "probes"],
    dailyUsd: 0.3,
    presence: 1,
  },
  {
    service: "EC2 - Other",
    usageType: "EUW3-DataTransfer-Out-Bytes",
    unit: "GB",
    pipelines: ["camera-traps"],
    dailyUsd: 0.05,
    presence: 0.8,
  },
  {
    service: "Amazon Simple Storage Service",
    usageType: "EUW3-DataTransfer-Out-Bytes",
    unit: "GB",
    pipelines: ["probes", ""],
    dailyUsd: 0.04,
    presence: 0.8,
  },
  {
    service: "Amazon Simple Storage Service",
    usageType: "EUW3-TimedStorage-ByteHrs",
    unit: "GB-Mo",
    pipelines: ["probes", "camera-traps", ""],
    dailyUsd: 0.6,
    presence: 1,
  },
  {
    service: "Amazon Simple Storage Service",
    usageType: "EUW3-Requests-Tier1",
    unit: "Requests",
    pipelines: ["probes", "camera-traps"],
    dailyUsd: 0.02,
    presence: 0.9,
  },
  {
    service: "AWS Lambda",
    usageType: "EUW3-Lambda-GB-Second",
    unit: "Lambda-GB-Second",
    pipelines: ["probes"],
    dailyUsd: 0.12,
    presence: 1,
  },
  {
    service: "AWS Lambda",
    usageType: "EUW3-Request",
    unit: "Requests",
    pipelines: ["probes"],
    dailyUsd: 0.01,
    presence: 1,
  },
  {
    service: "Amazon Relational Database Service",
    usageType: "EUW3-Aurora:ServerlessV2Usage",
    unit: "ACU-Hr",
    pipelines: ["probes"],
    dailyUsd: 2.9,
    presence: 1,
  },
  {
    service: "Amazon Relational Database Service",
    usageType: "EUW3-Aurora:StorageUsage",
    unit: "GB-Mo",
    pipelines: ["probes"],
    dailyUsd: 0.11,
    presence: 1,
  },
  {
    service: "AWS Step Functions",
    usageType: "EUW3-StateTransition",
    unit: "StateTransitions",
    pipelines: ["probes"],
    dailyUsd: 0.03,
    presence: 1,
  },
  {
    service: "Amazon Elastic Container Service",
    usageType: "EUW3-Fargate-vCPU-Hours:perCPU",
    unit: "hours",
    pipelines: ["camera-traps"],
    dailyUsd: 1.2,
    presence: 0.4,
  },
  {
    service: "Amazon Elastic Container Service",
    usageType: "EUW3-Fargate-GB-Hours",
    unit: "hours",
    pipelines: ["camera-traps"],
    dailyUsd: 0.3,
    presence: 0.4,
  },
  {
    service: "AmazonCloudWatch",
    usageType: "EUW3-CW:MetricMonitorUsage",
    unit: "Metrics",
    pipelines: [""],
    dailyUsd: 0.1,
    presence: 1,
  },
  {
    service: "AmazonCloudWatch",
    usageType: "EUW3-DataProcessing-Bytes",
    unit: "GB",
    pipelines: ["probes", ""],
    dailyUsd: 0.05,
    presence: 1,
  },
  {
    service: "AWS Key Management Service",
    usageType: "EUW3-KMS-Requests",
    unit: "Requests",
    pipelines: [""],
    dailyUsd: 0.01,
    presence: 0.7,
  },
  {
    service: "AWS Cost Explorer",
    usageType: "USE1-APIRequest",
    unit: "Requests",
    pipelines: [""],
    dailyUsd: 0.02,
    presence: 0.9,
  },
  {
    service: "Amazon Simple Notification Service",
    usageType: "Requests-Tier1",
    unit: "Requests",
    pipelines: ["probes"],
    dailyUsd: 0.001,
    presence: 0.5,
  },
  { service: "Tax", usageType: "Tax", unit: "N/A", pipelines: [""], dailyUsd: 30, presence: 1, monthly: true },
];

const WEBSITE: UsageSpec[] = [
  {
    service: "Amazon Elastic Compute Cloud - Compute",
    usageType: "EUW3-BoxUsage:t4g.small",
    unit: "Hrs",
    pipelines: ["website"],
    dailyUsd: 0.4,
    presence: 1,
  },
  {
    service: "EC2 - Other",
    usageType: "EUW3-EBS:VolumeUsage.gp3",
    unit: "GB-Mo",
    pipelines: ["website"],
    dailyUsd: 0.07,
    presence: 1,
  },
  {
    service: "Amazon CloudFront",
    usageType: "EU-DataTransfer-Out-Bytes",
    unit: "GB",
    pipelines: ["website"],
    dailyUsd: 0.09,
    presence: 1,
  },
  {
    service: "Amazon CloudFront",
    usageType: "EU-Requests-Tier1",
    unit: "Requests",
    pipelines: ["website"],
    dailyUsd: 0.02,
    presence: 1,
  },
  {
    service: "Amazon Route 53",
    usageType: "HostedZone",
    unit: "HostedZone",
    pipelines: ["website"],
    dailyUsd: 0.5,
    presence: 1,
    monthly: true,
  },
  {
    service: "Amazon Simple Storage Service",
    usageType: "EUW3-TimedStorage-ByteHrs",
    unit: "GB-Mo",
    pipelines: ["website", ""],
    dailyUsd: 0.03,
    presence: 1,
  },
  {
    service: "AWS Lambda",
    usageType: "EUW3-Lambda-GB-Second",
    unit: "Lambda-GB-Second",
    pipelines: ["website"],
    dailyUsd: 0.02,
    presence: 0.9,
  },
  {
    service: "AmazonCloudWatch",
    usageType: "EUW3-CW:MetricMonitorUsage",
    unit: "Metrics",
    pipelines: [""],
    dailyUsd: 0.03,
    presence: 1,
  },
  { service: "Tax", usageType: "Tax", unit: "N/A", pipelines: [""], dailyUsd: 6, presence: 1, monthly: true },
];

export const RESEARCH_ACCOUNT = "111111111111";
export const WEBSITE_ACCOUNT = "222222222222";

/** mulberry32: a small deterministic generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const decimal = (n: number) => n.toFixed(10);

function recordsOf(accountId: string, specs: UsageSpec[], days: string[], random: () => number): FakeRecord[] {
  const out: FakeRecord[] = [];
  for (const day of days) {
    for (const spec of specs) {
      if (spec.monthly && !day.endsWith("-01")) continue;
      if (random() > spec.presence) continue;
      for (const pipeline of spec.pipelines) {
        const unblended = (spec.dailyUsd * (0.5 + random())) / spec.pipelines.length;
        // Now and then a savings plan makes amortized differ from unblended.
        const amortized = random() < 0.2 ? unblended * 0.72 : unblended;
        out.push({
          day,
          accountId,
          service: spec.service,
          usageType: spec.usageType,
          pipeline,
          unblended: decimal(unblended),
          amortized: decimal(amortized),
          usage: decimal(unblended * (3 + random() * 40)),
          unit: spec.unit,
        });
      }
    }
    // A credit now and then, on the research account's storage.
    if (accountId === RESEARCH_ACCOUNT && day.endsWith("-15")) {
      out.push({
        day,
        accountId,
        service: "Amazon Simple Storage Service",
        usageType: "EUW3-TimedStorage-ByteHrs",
        pipeline: "",
        unblended: decimal(-0.35),
        amortized: decimal(-0.35),
        usage: "0",
        unit: "GB-Mo",
      });
    }
  }
  return out;
}

export interface DatasetOptions {
  from: string;
  to: string;
  accounts?: readonly string[];
  seed?: number;
}

/** The demo-like organisation over [from, to): research and website accounts (or only those asked). */
export function demoLikeRecords(options: DatasetOptions): FakeRecord[] {
  const random = rng(options.seed ?? 42);
  const days = eachDay(options.from, options.to);
  const accounts = options.accounts ?? [RESEARCH_ACCOUNT, WEBSITE_ACCOUNT];
  return accounts.flatMap((id) => recordsOf(id, id === WEBSITE_ACCOUNT ? WEBSITE : RESEARCH, days, random));
}

/**
 * AWS restating [from, to): about a third of the records change amount, one in ten vanishes,
 * and new ones appear.
 */
export function restate(records: readonly FakeRecord[], from: string, to: string, seed = 7): FakeRecord[] {
  const random = rng(seed);
  const out: FakeRecord[] = [];
  for (const r of records) {
    if (r.day < from || r.day >= to) {
      out.push(r);
      continue;
    }
    const roll = random();
    if (roll < 0.1) continue;
    if (roll < 0.4) {
      const factor = 0.8 + random() * 0.5;
      out.push({
        ...r,
        unblended: decimal(Number(r.unblended) * factor),
        amortized: decimal(Number(r.amortized) * factor),
      });
    } else out.push(r);
  }
  for (const day of eachDay(from, to)) {
    out.push({
      day,
      accountId: RESEARCH_ACCOUNT,
      service: "Amazon GuardDuty",
      usageType: "EUW3-PaidS3DataEventsAnalyzed",
      pipeline: "",
      unblended: decimal(0.07 + random() * 0.1),
      amortized: decimal(0.07 + random() * 0.1),
      usage: decimal(random() * 10),
      unit: "GB",
    });
  }
  return out;
}
