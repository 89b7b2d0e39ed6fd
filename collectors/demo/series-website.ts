/**
 * `website`: the association's site runs as two small Fargate tasks (0.25 vCPU, 0.5 GB each)
 * serving probe charts and camera-trap photo galleries; its newsletter goes out through SES
 * in Ireland on the first Thursday of each month.
 */
import { weekday } from "../../src/days";
import { DEMO_PRODUCTION_ACCOUNT as PROD } from "./accounts";
import { SERVICES as S } from "./prices";
import { jitter } from "./prng";
import { byWeekday, type DemoSeries } from "./series";
import type { DemoDay } from "./story";

const base = { accountId: PROD, region: "eu-west-3", pipeline: "website" } as const;

function isNewsletterDay(d: DemoDay): boolean {
  return weekday(d.day) === 4 && Number(d.day.slice(8, 10)) <= 7;
}

export const WEBSITE_SERIES: readonly DemoSeries[] = [
  {
    ...base,
    id: "web-fargate-vcpu",
    service: S.ecs,
    usageType: "EUW3-Fargate-vCPU-Hours:perCPU",
    usage: () => 2 * 0.25 * 24,
  },
  {
    ...base,
    id: "web-fargate-gb",
    service: S.ecs,
    usageType: "EUW3-Fargate-GB-Hours",
    usage: () => 2 * 0.5 * 24,
  },
  {
    ...base,
    id: "web-transfer-out",
    service: S.dataTransfer,
    usageType: "EUW3-DataTransfer-Out-Bytes",
    // Galleries draw visitors in summer (season photos) and on newsletter days.
    usage: (d, r) => byWeekday(d, 6, 4.5) * (d.season > 0 ? 1.35 : 1) * (isNewsletterDay(d) ? 2.5 : 1) * jitter(r, 0.2),
  },
  {
    ...base,
    id: "web-ses-newsletter",
    region: "eu-west-1",
    service: S.ses,
    usageType: "EU-Recipients",
    usage: (d, r) => (isNewsletterDay(d) ? 4_800 : Math.round(25 * jitter(r, 0.5))),
  },
  {
    ...base,
    id: "web-logs-ingest",
    service: S.cloudWatch,
    usageType: "EUW3-DataProcessing-Bytes",
    usage: (_d, r) => 0.02 * jitter(r, 0.2),
  },
];
