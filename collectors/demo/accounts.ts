/** The fictional organisation behind the demo dataset and its two AWS accounts. */

export interface DemoAccount {
  accountId: string;
  name: string;
  role: "production" | "sandbox";
}

export const DEMO_ORGANISATION = "Association Alpine de Recherche Climatique (AARC)";

// AWS's own documentation account ids, so nobody mistakes them for a real account.
export const DEMO_PRODUCTION_ACCOUNT = "111122223333";
export const DEMO_SANDBOX_ACCOUNT = "444455556666";

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { accountId: DEMO_PRODUCTION_ACCOUNT, name: "aarc-production", role: "production" },
  { accountId: DEMO_SANDBOX_ACCOUNT, name: "aarc-sandbox", role: "sandbox" },
];

/** The pipeline tag values the demo uses; untagged spend has the empty value. */
export const DEMO_PIPELINES = ["temperatures", "camera-traps", "website"] as const;

export const DEMO_DESCRIPTION = [
  `${DEMO_ORGANISATION} is a fictional climate-science association in the Alps.`,
  "Its production account runs three pipelines, tagged `pipeline`: `temperatures` (probes on",
  "the massif feed Python Lambdas orchestrated by Step Functions, data in S3 and Aurora",
  "Serverless v2), `camera-traps` (images detected on g4dn.xlarge GPU spot instances and",
  "Fargate during the June-September season, archived to S3 Standard-IA in Paris and a",
  "Glacier copy in Stockholm) and `website` (two small Fargate tasks, data transfer out, SES",
  "newsletters).",
  "Its sandbox account holds untagged experiments, including a forgotten gp2 volume and a",
  "NAT gateway left running. Main region eu-west-3 (Paris), with eu-west-1 (Ireland) for",
  "SES and the probe data replica, eu-north-1 (Stockholm) for the camera-trap archive copy,",
  "and us-east-1 for billing alarms; French VAT (20%) is booked on the 1st",
  "of each month. Two days of a runaway Lambda loop (an S3 trigger writing back to its own",
  "bucket) last month make the anomaly, and the current month heads over its budget.",
].join(" ");
