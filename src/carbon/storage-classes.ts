/**
 * Storage by class: the medium each storage class sits on and how many bytes are kept per byte
 * stored (redundancy), in two models. `ccf` repeats Cloud Carbon Footprint's full-copy
 * replication factors (@cloud-carbon-footprint/aws 0.15.0, ReplicationFactors.ts). `tiered` is
 * Cairn's: S3, Glacier and snapshots are erasure-coded, not full copies, and archive tiers sit on
 * cold, mostly spun-down disks, so a TB in Deep Archive costs less energy than a TB in Standard.
 *
 * Reasoning behind `tiered` (ranges give the low and high estimates):
 * - S3 and Glacier spread each object over at least three Availability Zones with erasure coding
 *   (AWS S3 user guide, "Data protection"; "designed for 11 nines of durability"). Published
 *   erasure-coded stores keep 1.2 to 2.1 bytes per byte (Backblaze Vaults 17+3 = 1.18, Azure LRC
 *   1.33, Facebook f4 across regions 2.1); spreading over three zones needs more than one zone:
 *   2 central, 1.5 low, 3 high (CCF's full three copies).
 * - One Zone classes: one zone only, 1.4 central (1.2 to 2).
 * - EBS volumes are replicated within their zone (EBS user guide): 2 copies, up to 3.
 * - EFS Standard and DynamoDB replicate across three zones (their user guides): 3 (2 to 3).
 * - Aurora keeps six copies across three zones (Aurora user guide, "Aurora storage"): 6 exactly.
 * - Archive media: Glacier Flexible Retrieval and Deep Archive answer in minutes to hours, which
 *   large drives spun down most of the time allow; AWS does not publish its media. Cold HDD is
 *   taken at 0.2 Wh per TB-hour (a 20 TB drive averaging 4 W between idle and standby), range
 *   0.1 to 0.65 (CCF's HDD figure).
 */

export type StorageMedia = "ssd" | "hdd" | "cold-hdd";

export type StorageClassKey =
  | "s3-standard"
  | "s3-standard-ia"
  | "s3-intelligent-frequent"
  | "s3-intelligent-infrequent"
  | "s3-intelligent-archive"
  | "s3-one-zone"
  | "s3-reduced-redundancy"
  | "s3-express-one-zone"
  | "glacier-instant"
  | "glacier-flexible"
  | "glacier-deep-archive"
  | "ecr"
  | "ebs-ssd"
  | "ebs-hdd"
  | "ebs-snapshot"
  | "ebs-snapshot-archive"
  | "efs-standard"
  | "efs-infrequent"
  | "efs-one-zone"
  | "aurora"
  | "rds-ssd"
  | "rds-ssd-multi-az"
  | "rds-hdd"
  | "rds-hdd-multi-az"
  | "database-backup"
  | "dynamodb"
  | "dynamodb-backup"
  | "fargate-ephemeral"
  | "unknown";

/** [low, central, high] bytes kept per byte stored. */
export type CopyRange = readonly [number, number, number];

export interface StorageClass {
  label: string;
  ccf: { media: "ssd" | "hdd"; copies: number };
  tiered: { media: StorageMedia; copies: CopyRange };
}

const ERASURE_3AZ: CopyRange = [1.5, 2, 3];
const ERASURE_1AZ: CopyRange = [1.2, 1.4, 2];

export const STORAGE_CLASSES: Readonly<Record<StorageClassKey, StorageClass>> = {
  "s3-standard": {
    label: "S3 Standard",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "s3-standard-ia": {
    label: "S3 Standard-IA",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "s3-intelligent-frequent": {
    label: "S3 Intelligent-Tiering (frequent access)",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "s3-intelligent-infrequent": {
    label: "S3 Intelligent-Tiering (infrequent or archive instant access)",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "s3-intelligent-archive": {
    label: "S3 Intelligent-Tiering (archive or deep archive access)",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "cold-hdd", copies: ERASURE_3AZ },
  },
  "s3-one-zone": {
    label: "S3 One Zone-IA",
    ccf: { media: "hdd", copies: 2 },
    tiered: { media: "hdd", copies: ERASURE_1AZ },
  },
  "s3-reduced-redundancy": {
    label: "S3 Reduced Redundancy",
    ccf: { media: "hdd", copies: 2 },
    tiered: { media: "hdd", copies: ERASURE_1AZ },
  },
  "s3-express-one-zone": {
    label: "S3 Express One Zone",
    ccf: { media: "ssd", copies: 2 },
    tiered: { media: "ssd", copies: ERASURE_1AZ },
  },
  "glacier-instant": {
    label: "S3 Glacier Instant Retrieval",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "glacier-flexible": {
    label: "S3 Glacier Flexible Retrieval",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "cold-hdd", copies: ERASURE_3AZ },
  },
  "glacier-deep-archive": {
    label: "S3 Glacier Deep Archive",
    ccf: { media: "hdd", copies: 6 },
    tiered: { media: "cold-hdd", copies: ERASURE_3AZ },
  },
  // ECR keeps its layers in S3; CCF gives it 3 copies.
  ecr: { label: "ECR image storage", ccf: { media: "hdd", copies: 3 }, tiered: { media: "hdd", copies: ERASURE_3AZ } },
  "ebs-ssd": { label: "EBS SSD volume", ccf: { media: "ssd", copies: 2 }, tiered: { media: "ssd", copies: [2, 2, 3] } },
  "ebs-hdd": { label: "EBS HDD volume", ccf: { media: "hdd", copies: 2 }, tiered: { media: "hdd", copies: [2, 2, 3] } },
  // Snapshots are kept in S3.
  "ebs-snapshot": {
    label: "EBS snapshot",
    ccf: { media: "hdd", copies: 3 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "ebs-snapshot-archive": {
    label: "EBS snapshot archive",
    ccf: { media: "hdd", copies: 3 },
    tiered: { media: "cold-hdd", copies: ERASURE_3AZ },
  },
  "efs-standard": {
    label: "EFS Standard",
    ccf: { media: "ssd", copies: 3 },
    tiered: { media: "ssd", copies: [2, 3, 3] },
  },
  "efs-infrequent": {
    label: "EFS Infrequent Access or Archive",
    ccf: { media: "hdd", copies: 3 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "efs-one-zone": {
    label: "EFS One Zone",
    ccf: { media: "ssd", copies: 2 },
    tiered: { media: "ssd", copies: [1.5, 2, 2] },
  },
  aurora: { label: "Aurora storage", ccf: { media: "ssd", copies: 6 }, tiered: { media: "ssd", copies: [6, 6, 6] } },
  "rds-ssd": {
    label: "RDS SSD storage",
    ccf: { media: "ssd", copies: 1 },
    tiered: { media: "ssd", copies: [1, 1, 2] },
  },
  "rds-ssd-multi-az": {
    label: "RDS Multi-AZ SSD storage",
    ccf: { media: "ssd", copies: 2 },
    tiered: { media: "ssd", copies: [2, 2, 4] },
  },
  "rds-hdd": {
    label: "RDS magnetic storage",
    ccf: { media: "hdd", copies: 1 },
    tiered: { media: "hdd", copies: [1, 1, 2] },
  },
  "rds-hdd-multi-az": {
    label: "RDS Multi-AZ magnetic storage",
    ccf: { media: "hdd", copies: 2 },
    tiered: { media: "hdd", copies: [2, 2, 4] },
  },
  // Database backups are kept in S3.
  "database-backup": {
    label: "database backup",
    ccf: { media: "hdd", copies: 3 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  dynamodb: {
    label: "DynamoDB storage",
    ccf: { media: "ssd", copies: 2 },
    tiered: { media: "ssd", copies: [2, 3, 3] },
  },
  "dynamodb-backup": {
    label: "DynamoDB backup",
    ccf: { media: "hdd", copies: 3 },
    tiered: { media: "hdd", copies: ERASURE_3AZ },
  },
  "fargate-ephemeral": {
    label: "Fargate ephemeral storage",
    ccf: { media: "ssd", copies: 1 },
    tiered: { media: "ssd", copies: [1, 1, 1] },
  },
  unknown: {
    label: "storage of a service whose media is not known, taken as SSD",
    ccf: { media: "ssd", copies: 2 },
    tiered: { media: "ssd", copies: [1, 2, 3] },
  },
};
