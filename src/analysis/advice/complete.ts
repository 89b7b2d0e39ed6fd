/**
 * Gives every finding the fields its life and the directors need: a stable id (kind, account,
 * region, resource), a confidence, a saving range, an exact action and the usage types whose cost
 * should fall once it is done. The waste detectors set their own; the older metric rules get
 * theirs here, per kind. Pure.
 */
import { frenchSpacing } from "./fr";
import type { CompleteFinding, Confidence, Finding, FindingKind } from "./types";

interface KindDefaults {
  confidence: Confidence;
  /** Share of the saving at the low end of the range. */
  low: number;
  usageTypes: string[];
  command: (f: Finding) => string;
}

/** EC2 findings name the instance as `i-... (type)`. */
const instanceId = (f: Finding) => f.resource.split(" ")[0] ?? f.resource;

const DEFAULTS: Partial<Record<FindingKind, KindDefaults>> = {
  "ec2-idle": {
    confidence: "high",
    low: 0.9,
    usageTypes: ["BoxUsage"],
    command: (f) => `aws ec2 stop-instances --region ${f.region} --instance-ids ${instanceId(f)}`,
  },
  "ec2-underused": {
    confidence: "medium",
    low: 0.5,
    usageTypes: ["BoxUsage"],
    command: (f) =>
      `aws ec2 stop-instances --region ${f.region} --instance-ids ${instanceId(f)} && aws ec2 modify-instance-attribute --region ${f.region} --instance-id ${instanceId(f)} --instance-type <smaller-type> && aws ec2 start-instances --region ${f.region} --instance-ids ${instanceId(f)}`,
  },
  "aurora-min-capacity": {
    confidence: "medium",
    low: 0.5,
    usageTypes: ["Aurora:ServerlessV2Usage"],
    command: (f) =>
      `aws rds modify-db-cluster --region ${f.region} --db-cluster-identifier ${f.resource} --serverless-v2-scaling-configuration MinCapacity=<lower>,MaxCapacity=<unchanged>`,
  },
  "lambda-growth": {
    confidence: "low",
    low: 0.25,
    usageTypes: ["Lambda-GB-Second"],
    command: (f) => `Lambda console > Functions > ${f.resource} > Monitor (duration and invocations)`,
  },
  "s3-colder-class": {
    confidence: "high",
    low: 0.7,
    usageTypes: ["TimedStorage-ByteHrs"],
    command: (f) =>
      `aws s3api put-bucket-lifecycle-configuration --bucket ${f.resource} --lifecycle-configuration '{"Rules":[{"ID":"colder-class","Status":"Enabled","Filter":{},"Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"}]}]}'`,
  },
  "region-move": {
    confidence: "low",
    low: 0.5,
    usageTypes: [],
    command: () => "Plan the move: redeploy the pipeline's stack in the target region, copy its data, then switch",
  },
};

export function findingId(f: Pick<Finding, "kind" | "accountId" | "region" | "resource">): string {
  return [f.kind, f.accountId ?? "", f.region, f.resource].join("|");
}

export function completeFinding(f: Finding): CompleteFinding {
  const d = DEFAULTS[f.kind];
  const low = d?.low ?? 1;
  return {
    ...f,
    accountId: f.accountId ?? "",
    id: f.id ?? findingId(f),
    confidence: f.confidence ?? d?.confidence ?? "medium",
    savingRange: f.savingRange ?? {
      lowUsd: Math.round(f.monthlySavingUsd * low * 100) / 100,
      highUsd: f.monthlySavingUsd,
      lowCo2eGrams: Math.round(f.monthlySavingCo2eGrams * low),
      highCo2eGrams: f.monthlySavingCo2eGrams,
    },
    command: f.command ?? d?.command(f) ?? "",
    usageTypes: f.usageTypes ?? d?.usageTypes ?? [],
    ...(f.fr ? { fr: frenchSpacing(f.fr) } : {}),
  };
}
