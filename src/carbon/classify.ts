/**
 * Classifies an AWS usage line by service, usage type (region prefix removed) and unit into a
 * rule the estimator can apply: instance hours, vCPU / memory hours, storage, network, covered
 * with no energy of its own, cost-ratio proxy, or excluded. Every rule says why in `what`.
 */
import { parseInstanceType } from "./instance-size";
import type { StorageClassKey } from "./storage-classes";

export type Rule =
  | { kind: "excluded"; reason: string }
  | { kind: "cost-ratio"; what: string }
  | { kind: "instance"; instanceType: string; copies: number; what: string }
  | {
      kind: "vcpu-memory";
      usageClass: "serverless" | "memory" | "compute";
      unit: "hours" | "gb-seconds";
      vcpusPerUnit: number;
      memoryGbPerUnit: number;
      arm: boolean;
      /** Key for a measured utilisation (pseudo instance type). */
      utilKey: string;
      what: string;
    }
  | { kind: "storage"; storageClass: StorageClassKey; what: string }
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

/**
 * A NAT gateway's share of a server: 1 vCPU and 2 GB, the smallest instance that carries its
 * 5 Gbps baseline (AWS VPC user guide: NAT gateways start at 5 Gbps and scale to 100 Gbps).
 */
const NAT_GATEWAY_VCPUS = 1;
const NAT_GATEWAY_MEMORY_GB = 2;

const INSTANCE = /^(BoxUsage|SpotUsage|DedicatedUsage|SchedUsage|HostBoxUsage)(?::(.+))?$/;
const RDS_INSTANCE =
  /^(InstanceUsage|InstanceUsageIOOptimized|Multi-AZUsage|Multi-AZUsageIOOptimized|MirrorUsage):(db\..+)$/;
const LAMBDA_GB_S = /^Lambda-(?:Edge-)?(?:Provisioned-)?(?:GB-Second|Concurrency)(-ARM)?$/;
const LAMBDA_REQUEST = /^(?:Lambda-Edge-)?Request(?:-ARM)?$/;
/** S3 usage types by storage class (Intelligent-Tiering tiers and Glacier kinds apart). */
const S3_CLASSES: readonly (readonly [RegExp, StorageClassKey])[] = [
  [/^TimedStorage-ByteHrs$/, "s3-standard"],
  [/^TimedStorage-SIA-/, "s3-standard-ia"],
  [/^TimedStorage-ZIA-/, "s3-one-zone"],
  [/^TimedStorage-RRS-/, "s3-reduced-redundancy"],
  [/^TimedStorage-XZ-/, "s3-express-one-zone"],
  [/^TimedStorage-INT-(FA|Frequent)/, "s3-intelligent-frequent"],
  [/^TimedStorage-INT-(AA|DAA|Archive|DeepArchive)/, "s3-intelligent-archive"],
  [/^TimedStorage-INT-/, "s3-intelligent-infrequent"],
  [/^TimedStorage-GIR-/, "glacier-instant"],
  [/^TimedStorage-GDA-/, "glacier-deep-archive"],
  [/^TimedStorage-Glacier/, "glacier-flexible"],
];

const storage = (storageClass: StorageClassKey, what = ""): Rule => ({ kind: "storage", storageClass, what });

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
    // SQL Server Multi-AZ bills its standby as MirrorUsage: two copies like Multi-AZ.
    const multiAz = (rds[1] as string).startsWith("Multi-AZ") || rds[1] === "MirrorUsage";
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
    return storage("fargate-ephemeral");
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
    return storage(hdd ? "ebs-hdd" : "ebs-ssd", `EBS ${volume} volume`);
  }
  if (/^EBS:SnapshotArchive/.test(bare)) return storage("ebs-snapshot-archive");
  if (/^EBS:Snapshot(Usage|ArchiveStorage)/.test(bare)) return storage("ebs-snapshot");
  if (bare === "Aurora:StorageUsage" || bare === "Aurora:IO-OptimizedStorageUsage") return storage("aurora");
  if (/^(Aurora:BackupUsage|RDS:ChargedBackupUsage|BackupUsage|ChargedBackupUsage)$/.test(bare))
    return storage("database-backup");
  const rdsStorage = /^RDS:(Multi-AZ-)?(GP2|GP3|PIOPS|IO1|IO2|Io1|Io2)-Storage/.exec(bare);
  if (rdsStorage) return storage(rdsStorage[1] ? "rds-ssd-multi-az" : "rds-ssd");
  if (/^RDS:(Multi-AZ-)?StorageUsage$/.test(bare))
    return storage(bare.includes("Multi-AZ") ? "rds-hdd-multi-az" : "rds-hdd");

  if (/TimedStorage/.test(bare) || /TimedPITRStorage|TimedBackupStorage/.test(bare)) {
    if (svc === "ecr") return storage("ecr");
    if (svc === "s3") {
      for (const [re, key] of S3_CLASSES) if (re.test(bare)) return storage(key);
      return storage("s3-standard", "S3 storage of an unrecognised class, taken as Standard");
    }
    if (svc === "dynamodb") return storage(/PITR|Backup/.test(bare) ? "dynamodb-backup" : "dynamodb");
    if (svc === "efs") {
      if (/-Z-|OneZone/.test(bare)) return storage("efs-one-zone");
      return storage(/^(IA|Archive)|-IA-|Archive/.test(bare) ? "efs-infrequent" : "efs-standard");
    }
    return storage("unknown");
  }

  // A NAT gateway is a small always-on appliance: its hours as a share of a server, its bytes as network.
  if (/^NatGateway-Hours$/.test(bare)) {
    return {
      kind: "vcpu-memory",
      usageClass: "compute",
      unit: "hours",
      vcpusPerUnit: NAT_GATEWAY_VCPUS,
      memoryGbPerUnit: NAT_GATEWAY_MEMORY_GB,
      arm: false,
      utilKey: "nat-gateway",
      what: `NAT gateway hours (a small always-on appliance: ${NAT_GATEWAY_VCPUS} vCPU and ${NAT_GATEWAY_MEMORY_GB} GB of memory)`,
    };
  }
  if (/^NatGateway-Bytes$/.test(bare)) {
    return { kind: "network", counted: true, what: "bytes processed by a NAT gateway" };
  }

  if (/(^|-)(DataTransfer|AWS|CloudFront)-Out-A?Bytes$/.test(bare)) {
    return { kind: "network", counted: true, what: interRegion ? "inter-region transfer out" : "data transfer out" };
  }
  if (/(^|-)(DataTransfer|AWS|CloudFront)-In-A?Bytes$/.test(bare) || /DataTransfer-xAZ-In/.test(bare)) {
    return { kind: "network", counted: false, what: "inbound transfer: no energy is counted for it (CCF convention)" };
  }
  // CCF counts transfer between zones of a region (DataTransfer-Regional-Bytes) like any other.
  if (/DataTransfer-Regional-Bytes$|xAZ/.test(bare)) {
    return { kind: "network", counted: true, what: "transfer between zones of a region" };
  }
  return { kind: "cost-ratio", what: `${service} ${bare}` };
}
