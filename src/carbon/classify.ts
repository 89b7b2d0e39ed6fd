/**
 * Classifies an AWS usage line by service, usage type (region prefix removed) and unit into a
 * rule the estimator can apply: instance hours, vCPU / memory hours, storage, network, covered
 * with no energy of its own, cost-ratio proxy, or excluded. Every rule says why in `what`.
 */
import { parseInstanceType } from "./instance-size";

export type StorageMedia = "ssd" | "hdd";

export type Rule =
  | { kind: "excluded"; reason: string }
  | { kind: "cost-ratio"; what: string }
  | { kind: "instance"; instanceType: string; copies: number; what: string }
  | {
      kind: "vcpu-memory";
      usageClass: "serverless" | "memory";
      unit: "hours" | "gb-seconds";
      vcpusPerUnit: number;
      memoryGbPerUnit: number;
      arm: boolean;
      /** Key for a measured utilisation (pseudo instance type). */
      utilKey: string;
      what: string;
    }
  | { kind: "storage"; media: StorageMedia; copies: number; what: string }
  | { kind: "network"; counted: boolean; what: string }
  | { kind: "covered"; usageClass: "serverless"; what: string };

/** A few service families matter to tell rules apart; the rest are proxied by cost. */
export type ServiceKey = "ec2" | "s3" | "dynamodb" | "efs" | "ecr" | "rds" | "lambda" | "other";

export function serviceKey(service: string): ServiceKey {
  const s = service.toLowerCase();
  if (s.includes("simple storage service") || s === "amazons3" || s === "s3" || s.includes("glacier")) return "s3";
  if (s.includes("dynamodb")) return "dynamodb";
  if (s.includes("elastic file system") || s === "amazonefs" || s === "efs") return "efs";
  if (s.includes("container registry") || s === "amazonecr") return "ecr";
  if (s.includes("relational database") || s === "amazonrds" || s.includes("aurora") || s === "rds") return "rds";
  if (s.includes("lambda")) return "lambda";
  if (s.includes("elastic compute cloud") || s === "ec2 - other" || s === "amazonec2" || s === "ec2") return "ec2";
  return "other";
}

function excludedByService(service: string): string | null {
  const s = service.toLowerCase();
  if (s === "tax" || s.startsWith("tax ")) return "tax: no physical usage";
  if (s.includes("support")) return "support plan fee: no physical usage";
  if (s.includes("savings plan")) return "Savings Plan fee: the usage it covers is estimated on its own lines";
  if (s.includes("credit") || s.includes("refund")) return "credit or refund: no physical usage";
  if (s.includes("registrar")) return "domain registration fee: no physical usage";
  return null;
}

const INSTANCE = /^(BoxUsage|SpotUsage|DedicatedUsage|SchedUsage|HostBoxUsage)(?::(.+))?$/;
const RDS_INSTANCE =
  /^(InstanceUsage|InstanceUsageIOOptimized|Multi-AZUsage|Multi-AZUsageIOOptimized|MirrorUsage):(db\..+)$/;
const LAMBDA_GB_S = /^Lambda-(?:Edge-)?(?:Provisioned-)?(?:GB-Second|Concurrency)(-ARM)?$/;
const LAMBDA_REQUEST = /^(?:Lambda-Edge-)?Request(?:-ARM)?$/;
const S3_CLASSES: readonly (readonly [RegExp, string, StorageMedia, number])[] = [
  [/^TimedStorage-ByteHrs$/, "S3 Standard", "hdd", 6],
  [/^TimedStorage-SIA-/, "S3 Standard-IA", "hdd", 6],
  [/^TimedStorage-ZIA-/, "S3 One Zone-IA", "hdd", 2],
  [/^TimedStorage-RRS-/, "S3 Reduced Redundancy", "hdd", 2],
  [/^TimedStorage-XZ-/, "S3 Express One Zone", "ssd", 2],
  [/^TimedStorage-INT-/, "S3 Intelligent-Tiering", "hdd", 6],
  [/^TimedStorage-(Glacier|GIR-|GDA-)/, "S3 Glacier", "hdd", 6],
];

/** Classifies one line. `bare` is the usage type without its region prefixes. */
export function classify(service: string, bare: string, interRegion: boolean): Rule {
  const svcExcluded = excludedByService(service);
  if (svcExcluded) return { kind: "excluded", reason: svcExcluded };
  if (/^Tax/i.test(bare)) return { kind: "excluded", reason: "tax: no physical usage" };
  // CPUCredits:t3 is surplus burstable CPU, a real usage: not a billing credit.
  if (/Credit|Refund/i.test(bare) && !/^CPUCredits/.test(bare))
    return { kind: "excluded", reason: "credit or refund: no physical usage" };
  if (/^(ComputeSP|EC2SP|MachineLearningSP|SageMakerSP|DatabaseSP):/.test(bare)) {
    return { kind: "excluded", reason: "Savings Plan fee: the usage it covers is estimated on its own lines" };
  }
  if (/^HeavyUsage|RIFee/.test(bare)) {
    return { kind: "excluded", reason: "Reserved Instance fee: the instance hours are estimated on their own lines" };
  }
  if (/^EarlyDelete/.test(bare))
    return { kind: "excluded", reason: "early-deletion fee: the data is no longer stored" };

  const svc = serviceKey(service);
  const inst = INSTANCE.exec(bare);
  if (inst && (svc === "ec2" || svc === "other")) {
    const type = inst[2] ?? "m1.small";
    return { kind: "instance", instanceType: type, copies: 1, what: `EC2 ${inst[1]} hours of ${type}` };
  }
  const rds = RDS_INSTANCE.exec(bare);
  if (rds) {
    const multiAz = (rds[1] as string).startsWith("Multi-AZ");
    const type = rds[2] as string;
    return {
      kind: "instance",
      instanceType: type,
      copies: multiAz ? 2 : 1,
      what: `RDS ${multiAz ? "Multi-AZ (2 copies) " : ""}hours of ${type}`,
    };
  }
  const cache = /^NodeUsage:(cache\..+)$/.exec(bare);
  if (cache)
    return { kind: "instance", instanceType: cache[1] as string, copies: 1, what: `ElastiCache hours of ${cache[1]}` };
  const search = /^ESInstance:(.+)$/.exec(bare);
  if (search && parseInstanceType(search[1] as string)) {
    return { kind: "instance", instanceType: search[1] as string, copies: 1, what: `OpenSearch hours of ${search[1]}` };
  }

  if (/^Aurora:Serverless(V2)?(IOOptimized)?Usage$/.test(bare)) {
    return {
      kind: "vcpu-memory",
      usageClass: "serverless",
      unit: "hours",
      vcpusPerUnit: 0.25,
      memoryGbPerUnit: 2,
      arm: false,
      utilKey: "aurora-serverless",
      what: "Aurora Serverless ACU-hours (1 ACU = 0.25 vCPU and 2 GB of memory)",
    };
  }
  const fargateCpu = /^(?:SpotUsage-)?Fargate-(?:(ARM|Windows)-)?.*vCPU-Hours/.exec(bare);
  if (/^(?:SpotUsage-)?Fargate-EphemeralStorage-GB-Hours/.test(bare)) {
    return { kind: "storage", media: "ssd", copies: 1, what: "Fargate ephemeral storage" };
  }
  if (fargateCpu) {
    return {
      kind: "vcpu-memory",
      usageClass: "serverless",
      unit: "hours",
      vcpusPerUnit: 1,
      memoryGbPerUnit: 0,
      arm: fargateCpu[1] === "ARM",
      utilKey: "fargate",
      what: `Fargate vCPU-hours${fargateCpu[1] === "ARM" ? " (Graviton)" : ""}`,
    };
  }
  if (/^(?:SpotUsage-)?Fargate-.*GB-Hours/.test(bare)) {
    return {
      kind: "vcpu-memory",
      usageClass: "memory",
      unit: "hours",
      vcpusPerUnit: 0,
      memoryGbPerUnit: 1,
      arm: false,
      utilKey: "fargate",
      what: "Fargate memory GB-hours",
    };
  }
  const lambda = LAMBDA_GB_S.exec(bare);
  if (lambda) {
    const arm = lambda[1] === "-ARM";
    return {
      kind: "vcpu-memory",
      usageClass: "serverless",
      unit: "gb-seconds",
      vcpusPerUnit: 1024 / 1769 / 3600,
      memoryGbPerUnit: 1 / 3600,
      arm,
      utilKey: "lambda",
      what: `Lambda GB-seconds${arm ? " on Graviton" : ""} (1 vCPU per 1,769 MB)`,
    };
  }
  if (svc === "lambda" && LAMBDA_REQUEST.test(bare)) {
    return {
      kind: "covered",
      usageClass: "serverless",
      what: "Lambda requests: their energy is in the GB-second lines",
    };
  }

  const ebs = /^EBS:VolumeUsage(?:\.(.+))?$/.exec(bare);
  if (ebs) {
    const volume = ebs[1] ?? "standard";
    const hdd = volume === "st1" || volume === "sc1" || volume === "standard";
    return { kind: "storage", media: hdd ? "hdd" : "ssd", copies: 2, what: `EBS ${volume} volume (2 copies)` };
  }
  if (/^EBS:Snapshot(Usage|ArchiveStorage)/.test(bare))
    return { kind: "storage", media: "hdd", copies: 3, what: "EBS snapshot (3 copies)" };
  if (bare === "Aurora:StorageUsage")
    return { kind: "storage", media: "ssd", copies: 6, what: "Aurora storage (6 copies)" };
  if (/^(Aurora:BackupUsage|RDS:ChargedBackupUsage|BackupUsage)$/.test(bare)) {
    return { kind: "storage", media: "hdd", copies: 3, what: "database backup (3 copies)" };
  }
  const rdsStorage = /^RDS:(Multi-AZ-)?(GP2|GP3|PIOPS|IO1|IO2|Io1|Io2)-Storage/.exec(bare);
  if (rdsStorage) {
    return {
      kind: "storage",
      media: "ssd",
      copies: rdsStorage[1] ? 2 : 1,
      what: `RDS ${rdsStorage[1] ? "Multi-AZ (2 copies) " : ""}SSD storage`,
    };
  }
  if (/^RDS:(Multi-AZ-)?StorageUsage$/.test(bare))
    return { kind: "storage", media: "hdd", copies: bare.includes("Multi-AZ") ? 2 : 1, what: "RDS magnetic storage" };

  if (/TimedStorage/.test(bare) || /TimedPITRStorage|TimedBackupStorage/.test(bare)) {
    if (svc === "s3" || svc === "ecr") {
      for (const [re, label, media, copies] of S3_CLASSES) {
        if (re.test(bare)) return { kind: "storage", media, copies, what: `${label} storage (${copies} copies)` };
      }
      return {
        kind: "storage",
        media: "hdd",
        copies: 6,
        what: "S3 storage of an unrecognised class, taken as Standard (6 copies)",
      };
    }
    if (svc === "dynamodb") {
      return /PITR|Backup/.test(bare)
        ? { kind: "storage", media: "hdd", copies: 3, what: "DynamoDB backup (3 copies)" }
        : { kind: "storage", media: "ssd", copies: 2, what: "DynamoDB storage (2 copies)" };
    }
    if (svc === "efs") {
      const oneZone = /-Z-|OneZone/.test(bare);
      const media: StorageMedia = /^(IA|Archive)/.test(bare) ? "hdd" : "ssd";
      return {
        kind: "storage",
        media,
        copies: oneZone ? 2 : 3,
        what: `EFS ${oneZone ? "One Zone (2 copies)" : "Standard (3 copies)"}`,
      };
    }
    return {
      kind: "storage",
      media: "ssd",
      copies: 2,
      what: "storage of a service whose media is not known, taken as SSD (2 copies)",
    };
  }

  if (/(^|-)(DataTransfer|AWS|CloudFront)-Out-A?Bytes$/.test(bare)) {
    return { kind: "network", counted: true, what: interRegion ? "inter-region transfer out" : "data transfer out" };
  }
  if (/(^|-)(DataTransfer|AWS|CloudFront)-In-A?Bytes$/.test(bare) || /DataTransfer-xAZ-In/.test(bare)) {
    return { kind: "network", counted: false, what: "inbound transfer: no energy is counted for it (CCF convention)" };
  }
  if (/DataTransfer-Regional-Bytes$|xAZ/.test(bare)) {
    return {
      kind: "network",
      counted: false,
      what: "transfer within a region: no energy is counted for it (CCF convention)",
    };
  }
  return { kind: "cost-ratio", what: `${service} ${bare}` };
}
