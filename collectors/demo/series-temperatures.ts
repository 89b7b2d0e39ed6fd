/**
 * `temperatures`: ~120 probes on the massif report every ten minutes to Python Lambdas
 * orchestrated by Step Functions; raw files in S3 (replicated to Ireland), series in Aurora
 * Serverless v2, which researchers query on weekdays. Its S3-triggered Lambda is the one
 * that looped on the anomaly days (it wrote back into its own bucket).
 */
import { DEMO_PRODUCTION_ACCOUNT as PROD } from "./accounts";
import { SERVICES as S } from "./prices";
import { jitter } from "./prng";
import { byWeekday, type DemoSeries, monthShare } from "./series";

const base = { accountId: PROD, region: "eu-west-3", pipeline: "temperatures" } as const;

/** How much more the runaway loop used than a normal day. */
const LOOP_FACTOR = 9;

/** Objects the probes upload a day (temp-s3-put) and their size: two readings in a network server's JSON envelope. */
export const PROBE_OBJECTS_PER_DAY = 9_000;
export const PROBE_OBJECT_BYTES = 4_000;
/**
 * What the uploads add a year: 9,000 x 4 kB x 365 = 13.1 GB. The raw bucket holds the series
 * since 2019: 60 GB at the start of 2024. (The demo once stored 110 GB a year here, eight times
 * what its own uploads could write, and that storage, replicated to Ireland, made S3 the
 * demo's largest emitter.)
 */
export const PROBE_GB_PER_YEAR = (PROBE_OBJECTS_PER_DAY * PROBE_OBJECT_BYTES * 365) / 1e9;
const PROBE_GB_AT_ANCHOR = 60;
/** The Ireland replica trails the source by the objects of its last few hours. */
const REPLICA_LAG_GB = 0.5;

export const TEMPERATURE_SERIES: readonly DemoSeries[] = [
  {
    ...base,
    id: "temp-lambda-gbs",
    service: S.lambda,
    usageType: "EUW3-Lambda-GB-Second",
    usage: (d, r) => byWeekday(d, 44_000, 34_000) * jitter(r, 0.08) * (d.isAnomaly ? LOOP_FACTOR : 1),
  },
  {
    ...base,
    id: "temp-lambda-requests",
    service: S.lambda,
    usageType: "EUW3-Request",
    usage: (d, r) => Math.round(byWeekday(d, 58_000, 50_000) * jitter(r, 0.05) * (d.isAnomaly ? LOOP_FACTOR * 1.4 : 1)),
  },
  {
    ...base,
    id: "temp-sfn-transitions",
    service: S.stepFunctions,
    usageType: "EUW3-StateTransition",
    usage: (d, r) => Math.round(byWeekday(d, 3_000, 2_500) * jitter(r, 0.04)),
  },
  {
    ...base,
    id: "temp-s3-storage",
    service: S.s3,
    usageType: "EUW3-TimedStorage-ByteHrs",
    usage: (d) => monthShare(d, Math.max(20, PROBE_GB_AT_ANCHOR + PROBE_GB_PER_YEAR * d.years)),
  },
  {
    ...base,
    id: "temp-s3-put",
    service: S.s3,
    usageType: "EUW3-Requests-Tier1",
    usage: (d, r) => Math.round(PROBE_OBJECTS_PER_DAY * jitter(r, 0.04) * (d.isAnomaly ? LOOP_FACTOR * 1.4 : 1)),
  },
  {
    ...base,
    id: "temp-s3-get",
    service: S.s3,
    usageType: "EUW3-Requests-Tier2",
    usage: (d, r) => Math.round(byWeekday(d, 40_000, 24_000) * jitter(r, 0.15)),
  },
  {
    ...base,
    id: "temp-s3-replication",
    service: S.s3,
    usageType: "EUW3-EU-AWS-Out-Bytes",
    // Replication carries each day's new objects to Ireland.
    usage: (_d, r) => (PROBE_GB_PER_YEAR / 365) * jitter(r, 0.1),
  },
  {
    ...base,
    id: "temp-s3-replica-ireland",
    region: "eu-west-1",
    service: S.s3,
    usageType: "EU-TimedStorage-SIA-ByteHrs",
    usage: (d) => monthShare(d, Math.max(20, PROBE_GB_AT_ANCHOR - REPLICA_LAG_GB + PROBE_GB_PER_YEAR * d.years)),
  },
  {
    ...base,
    id: "temp-aurora-acu",
    service: S.rds,
    usageType: "EUW3-Aurora:ServerlessV2Usage",
    // A floor of 1 ACU all day (set higher than the load needs); queries lift the weekday average.
    usage: (d, r) => 24 * byWeekday(d, 1.45, 1.1) * jitter(r, 0.1),
  },
  {
    ...base,
    id: "temp-aurora-storage",
    service: S.rds,
    usageType: "EUW3-Aurora:StorageUsage",
    usage: (d) => monthShare(d, Math.max(30, 52 + 9 * d.years)),
  },
  {
    ...base,
    id: "temp-aurora-io",
    service: S.rds,
    usageType: "EUW3-Aurora:StorageIOUsage",
    usage: (d, r) => Math.round(byWeekday(d, 250_000, 150_000) * jitter(r, 0.2)),
  },
  {
    ...base,
    id: "temp-logs-ingest",
    service: S.cloudWatch,
    usageType: "EUW3-DataProcessing-Bytes",
    usage: (d, r) => 0.08 * jitter(r, 0.1) * (d.isAnomaly ? LOOP_FACTOR : 1),
  },
  {
    ...base,
    id: "temp-logs-storage",
    service: S.cloudWatch,
    usageType: "EUW3-TimedStorage-ByteHrs",
    usage: (d) => monthShare(d, 14),
  },
  {
    ...base,
    id: "temp-ses-alerts",
    region: "eu-west-1",
    service: S.ses,
    usageType: "EU-Recipients",
    // Probe-failure alerts to the field technicians: more in winter (frost, snow cover).
    usage: (d, r) => Math.round((d.month <= 3 || d.month >= 11 ? 180 : 90) * jitter(r, 0.4)),
  },
];
