/**
 * `camera-traps`: from June to September, field teams upload camera-trap images; Fargate
 * tasks sort and thumbnail them and GPU spot instances (g4dn.xlarge) run the animal
 * detection. Images land in S3 Standard, move to Standard-IA after the season, and a copy
 * sits in Glacier in Stockholm. Outside the season only storage and snapshots remain.
 *
 * Why Stockholm for the archive copy: a copy kept off Paris may sit in any other region, since
 * nobody reads it, so an association that counts every kilogram picks the cleanest EU region
 * (eu-north-1: about 35 g/kWh against Ireland's 257, and matched 100% with renewables). In
 * Ireland this copy alone was over half of the demo's CO2e, a story no climate association
 * would live with for long.
 */
import { DEMO_PRODUCTION_ACCOUNT as PROD } from "./accounts";
import { SERVICES as S } from "./prices";
import { jitter } from "./prng";
import { byWeekday, type DemoSeries, monthShare } from "./series";
import type { DemoDay } from "./story";

const base = { accountId: PROD, region: "eu-west-3", pipeline: "camera-traps" } as const;

/** GPU hours of a day: up to ~18 on weekdays (two instances part of the day), 7 at weekends. */
function gpuHours(d: DemoDay, r: () => number): number {
  return d.season === 0 ? 0 : d.season * byWeekday(d, 18, 7) * jitter(r, 0.2);
}

/** GB of images collected this season, still in S3 Standard. */
function seasonImagesGb(d: DemoDay): number {
  return 900 * d.seasonProgress;
}

export const CAMERA_TRAP_SERIES: readonly DemoSeries[] = [
  {
    ...base,
    id: "cam-gpu-spot",
    service: S.ec2Compute,
    usageType: "EUW3-SpotUsage:g4dn.xlarge",
    usage: gpuHours,
  },
  {
    ...base,
    id: "cam-gpu-ebs",
    seedId: "cam-gpu-spot",
    service: S.ec2Other,
    usageType: "EUW3-EBS:VolumeUsage.gp3",
    // A 125 GB gp3 volume per instance, billed for the hours it exists.
    usage: (d, r) => (125 * gpuHours(d, r)) / (24 * d.monthDays),
  },
  {
    ...base,
    id: "cam-ami-snapshots",
    service: S.ec2Other,
    usageType: "EUW3-EBS:SnapshotUsage",
    usage: (d) => monthShare(d, 60),
  },
  {
    ...base,
    id: "cam-regional-transfer",
    service: S.ec2Other,
    usageType: "EUW3-DataTransfer-Regional-Bytes",
    usage: (d, r) => d.season * byWeekday(d, 18, 6) * jitter(r, 0.2),
  },
  {
    ...base,
    id: "cam-fargate-vcpu",
    service: S.ecs,
    usageType: "EUW3-Fargate-vCPU-Hours:perCPU",
    usage: (d, r) => (d.season > 0 ? d.season * byWeekday(d, 6, 1.5) : 0.4) * jitter(r, 0.25),
  },
  {
    ...base,
    id: "cam-fargate-gb",
    seedId: "cam-fargate-vcpu",
    service: S.ecs,
    usageType: "EUW3-Fargate-GB-Hours",
    // Tasks have 2 GB per vCPU.
    usage: (d, r) => 2 * (d.season > 0 ? d.season * byWeekday(d, 6, 1.5) : 0.4) * jitter(r, 0.25),
  },
  {
    ...base,
    id: "cam-lambda-gbs",
    service: S.lambda,
    usageType: "EUW3-Lambda-GB-Second",
    usage: (d, r) => (d.season > 0 ? 6_500 * d.season : 250) * jitter(r, 0.2),
  },
  {
    ...base,
    id: "cam-lambda-requests",
    service: S.lambda,
    usageType: "EUW3-Request",
    usage: (d, r) => Math.round((d.season > 0 ? 9_000 * d.season : 300) * jitter(r, 0.2)),
  },
  {
    ...base,
    id: "cam-sfn-transitions",
    service: S.stepFunctions,
    usageType: "EUW3-StateTransition",
    usage: (d, r) => Math.round((d.season > 0 ? 1_200 * d.season : 30) * jitter(r, 0.2)),
  },
  {
    ...base,
    id: "cam-s3-standard",
    service: S.s3,
    usageType: "EUW3-TimedStorage-ByteHrs",
    usage: (d) => monthShare(d, 250 + seasonImagesGb(d)),
  },
  {
    ...base,
    id: "cam-s3-ia",
    service: S.s3,
    usageType: "EUW3-TimedStorage-SIA-ByteHrs",
    // Only images with an animal are kept after the season: ~400 GB a season.
    usage: (d) => monthShare(d, 800 + 400 * d.seasonsDone),
  },
  {
    ...base,
    id: "cam-s3-put",
    service: S.s3,
    usageType: "EUW3-Requests-Tier1",
    usage: (d, r) => Math.round((d.season > 0 ? 8_000 * d.season : 150) * jitter(r, 0.2)),
  },
  {
    ...base,
    id: "cam-s3-replication",
    service: S.s3,
    // Replication to the archive copy in Stockholm (inter-region transfer out of Paris).
    usageType: "EUW3-EUN1-AWS-Out-Bytes",
    usage: (d, r) => (d.season > 0 ? 9 * d.season : 0.2) * jitter(r, 0.2),
  },
  {
    ...base,
    id: "cam-glacier-stockholm",
    region: "eu-north-1",
    service: S.s3,
    usageType: "EUN1-TimedStorage-GlacierByteHrs",
    usage: (d) => monthShare(d, 1_000 + 600 * d.seasonsDone + seasonImagesGb(d)),
  },
];
