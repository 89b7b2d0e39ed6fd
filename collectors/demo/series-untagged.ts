/**
 * Untagged spend: shared monitoring in production (custom metrics, billing alarms in
 * us-east-1, where AWS publishes billing metrics) and the whole sandbox account, where
 * experiments are rarely tagged: a notebook instance on weekdays, a forgotten 200 GB gp2
 * volume, and a NAT gateway someone left running (see the story's `natGatewaySince`).
 */
import { DEMO_PRODUCTION_ACCOUNT as PROD, DEMO_SANDBOX_ACCOUNT as SANDBOX } from "./accounts";
import { SERVICES as S } from "./prices";
import { jitter } from "./prng";
import { byWeekday, type DemoSeries, monthShare } from "./series";

const prod = { accountId: PROD, region: "eu-west-3", pipeline: "" } as const;
const sandbox = { accountId: SANDBOX, region: "eu-west-3", pipeline: "" } as const;

export const UNTAGGED_SERIES: readonly DemoSeries[] = [
  {
    ...prod,
    id: "prod-custom-metrics",
    service: S.cloudWatch,
    usageType: "EUW3-CW:MetricMonitorUsage",
    usage: (d) => monthShare(d, 6),
  },
  {
    ...prod,
    id: "prod-billing-alarms",
    region: "us-east-1",
    service: S.cloudWatch,
    usageType: "CW:AlarmMonitorUsage",
    usage: (d) => monthShare(d, 4),
  },
  {
    ...sandbox,
    id: "sbx-notebook",
    service: S.ec2Compute,
    usageType: "EUW3-BoxUsage:t3.medium",
    usage: (d, r) => byWeekday(d, 9 * jitter(r, 0.3), 0),
  },
  {
    ...sandbox,
    id: "sbx-notebook-root",
    service: S.ec2Other,
    usageType: "EUW3-EBS:VolumeUsage.gp3",
    usage: (d) => monthShare(d, 30),
  },
  {
    ...sandbox,
    id: "sbx-forgotten-volume",
    service: S.ec2Other,
    usageType: "EUW3-EBS:VolumeUsage.gp2",
    usage: (d) => monthShare(d, 200),
  },
  {
    ...sandbox,
    id: "sbx-nat-hours",
    service: S.ec2Other,
    usageType: "EUW3-NatGateway-Hours",
    usage: (d) => (d.natGatewayRunning ? 24 : 0),
  },
  {
    ...sandbox,
    id: "sbx-nat-bytes",
    service: S.ec2Other,
    usageType: "EUW3-NatGateway-Bytes",
    usage: (d, r) => (d.natGatewayRunning ? byWeekday(d, 1.2, 0.2) * jitter(r, 0.5) : 0),
  },
  {
    ...sandbox,
    id: "sbx-lambda-gbs",
    service: S.lambda,
    usageType: "EUW3-Lambda-GB-Second",
    usage: (d, r) => byWeekday(d, 2_400, 150) * jitter(r, 0.5),
  },
  {
    ...sandbox,
    id: "sbx-lambda-requests",
    service: S.lambda,
    usageType: "EUW3-Request",
    usage: (d, r) => Math.round(byWeekday(d, 3_000, 200) * jitter(r, 0.5)),
  },
  {
    ...sandbox,
    id: "sbx-s3-storage",
    service: S.s3,
    usageType: "EUW3-TimedStorage-ByteHrs",
    usage: (d) => monthShare(d, 65),
  },
  {
    ...sandbox,
    id: "sbx-logs-ingest",
    service: S.cloudWatch,
    usageType: "EUW3-DataProcessing-Bytes",
    usage: (d, r) => byWeekday(d, 0.03, 0.005) * jitter(r, 0.5),
  },
];
