/**
 * The one configuration schema. `loadConfig(record)` is pure: the composition root hands it
 * `process.env` (after reading `.env`), a test hands it a literal. It fails fast, naming every
 * problem at once: the variable, the value given and what is expected.
 */
import { Cron } from "croner";
import { z } from "zod";
import { parseAccountNames } from "./accounts/account-names";
import { DEFAULT_FACTOR_SET } from "./carbon/factor-sets";

const emailList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== ""),
  )
  .pipe(z.array(z.email({ message: "a comma-separated list of email addresses" })));

/**
 * Whether `value` is a five-field cron (UTC) that croner, the Node scheduler's parser, accepts:
 * the one cron grammar. Six- and seven-field forms (seconds, years) are refused because
 * Cloudflare's cron triggers, which must say the same on Workers, take five fields.
 */
export function isFiveFieldCron(value: string): boolean {
  if (value.trim().split(/\s+/).length !== 5) return false;
  try {
    new Cron(value, { paused: true, timezone: "UTC" });
    return true;
  } catch {
    return false;
  }
}

const cronExpression = z
  .string()
  .refine(isFiveFieldCron, "a five-field cron expression, UTC (minute hour day-of-month month day-of-week)");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z.object({
  CAIRN_DB: z.string().min(1).default("./data/cairn.db"),
  CAIRN_PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  /** The address `cairn serve` binds; loopback by default, so nothing is exposed by accident. */
  CAIRN_HOST: z.string().min(1).default("127.0.0.1"),
  CAIRN_LOCALE: z.enum(["fr", "en"]).default("fr"),
  CAIRN_CURRENCY: z.enum(["USD", "EUR"]).default("USD"),
  CAIRN_PIPELINE_TAG: z.string().min(1).default("pipeline"),
  CAIRN_TIMEZONE: z.string().min(1).default("Europe/Paris"),
  /** Where the dashboard is reached; links in emails point here. */
  CAIRN_PUBLIC_URL: z.url().optional(),

  CAIRN_MAIL_TRANSPORT: z.enum(["smtp", "ses", "none"]).optional(),
  CAIRN_SMTP_URL: z
    .url({ message: "an smtp:// or smtps:// URL" })
    .refine((u) => /^smtps?:\/\//.test(u), "an smtp:// or smtps:// URL")
    .optional(),
  CAIRN_MAIL_FROM: z.email().optional(),
  CAIRN_REPORT_TO: emailList.optional(),
  CAIRN_ALERT_TO: emailList.optional(),
  CAIRN_WEBHOOK_URL: z.url().optional(),

  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated IP addresses): behind
   * one, every client shares the proxy's address and would share its sign-in lockout.
   */
  CAIRN_TRUSTED_PROXIES: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== ""),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { message: "a comma-separated list of IP addresses" })))
    .default([]),

  CAIRN_AWS_ROLE_ARN: z
    .string()
    .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, "an IAM role ARN")
    .optional(),
  CAIRN_CE_MAX_REQUESTS: positiveInt(300),
  CAIRN_BACKFILL_MONTHS: z.coerce.number().int().min(1).max(13).default(13),
  CAIRN_TRAILING_DAYS: z.coerce.number().int().min(1).max(31).default(3),
  CAIRN_CLOUDWATCH_REGIONS: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((r) => r.trim())
        .filter((r) => r !== ""),
    )
    .pipe(z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "AWS region codes, comma-separated")))
    .optional(),
  CAIRN_FACTOR_SET: z.string().min(1).default(DEFAULT_FACTOR_SET),
  /** `aws`: scale Cairn's daily figures so each month, account, service and region sums to AWS's imported figure. */
  CAIRN_CARBON_CALIBRATION: z.enum(["none", "aws"]).default("none"),
  /** When the scheduled jobs run (UTC); see src/jobs/job-table.ts for the defaults. */
  CAIRN_COLLECT_CRON: cronExpression.optional(),
  CAIRN_WEEKLY_REPORT_CRON: cronExpression.optional(),
  CAIRN_MONTHLY_REPORT_CRON: cronExpression.optional(),
  CAIRN_IMPORT_MAX_ERRORS: z.coerce.number().int().min(0).default(100),
  /**
   * Issue 13: an AWS FOCUS Data Export (a folder or s3://bucket/prefix/) that `cairn serve`'s
   * scheduled collection imports (new files only), and a source /healthz and the stale-data alert watch.
   */
  CAIRN_FOCUS_EXPORT: z.string().trim().min(1).optional(),
  /** Issue 18: the default hourly value (USD) of upkeep work in cost of ownership; 0 counts hours only. */
  CAIRN_UPKEEP_HOUR_VALUE: z.coerce.number().min(0).max(10_000).default(0),
  /** Path-style S3 URLs (`http://host/bucket/key`), for S3-compatible endpoints (MinIO, a local server). */
  CAIRN_S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], { message: "true or false" })
    .default("false")
    .transform((v) => v === "true"),
  /** SMTP connection, greeting and idle-socket timeout: a stalled mail server fails fast, the message stays queued. */
  CAIRN_SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** How long one run may keep starting deliveries (alerts, reports); the rest waits for the next run. */
  CAIRN_MAIL_RUN_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /**
   * Issue 19: also collect resource lines from Cost Explorer (GetCostAndUsageWithResources,
   * RESOURCE_ID): needs resource-level data turned on in AWS, covers the last 14 days only, and
   * costs one request per account and service with spend (ce:GetCostAndUsageWithResources).
   */
  CAIRN_CE_RESOURCES: z
    .enum(["0", "1"], { message: "0 or 1" })
    .default("0")
    .transform((v) => v === "1"),
  /**
   * Issue 19, Athena engine: collection runs on Athena over the FOCUS export in S3 when
   * CAIRN_ATHENA_TABLE (the export's Glue table) and CAIRN_ATHENA_OUTPUT (where Athena writes its
   * results) are set; CAIRN_ATHENA_MAX_USD caps what its queries may cost per calendar month.
   */
  CAIRN_ATHENA_TABLE: z
    .string()
    .regex(/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/, "a Glue database.table (letters, digits and _)")
    .optional(),
  CAIRN_ATHENA_WORKGROUP: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,128}$/, "an Athena workgroup name")
    .default("primary"),
  CAIRN_ATHENA_OUTPUT: z
    .string()
    .regex(/^s3:\/\/[a-z0-9.-]{3,63}(\/.*)?$/, "an s3://bucket/prefix/ URL for Athena's query results")
    .optional(),
  CAIRN_ATHENA_MAX_USD: z.coerce.number().min(0).max(100_000).default(5),
  /** Issue 16: account names shown instead of bare ids, `111122223333=Production,444455556666=Sandbox`. */
  CAIRN_ACCOUNT_NAMES: z
    .string()
    .transform((text, ctx) => {
      try {
        return parseAccountNames(text);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `comma-separated 12-digit-id=name pairs (${(error as Error).message})`,
        });
        return z.NEVER;
      }
    })
    .default({}),
  /**
   * Issue 16: also name accounts from AWS Organizations (ListAccounts, each collection). Only the
   * management account or a delegated administrator may call it; CAIRN_ACCOUNT_NAMES still wins.
   */
  CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: z
    .enum(["0", "1"], { message: "0 or 1" })
    .default("0")
    .transform((v) => v === "1"),
});

export type Config = z.infer<typeof configSchema>;

/** One configuration problem, as a user can act on it. */
export interface ConfigProblem {
  name: string;
  given: string | undefined;
  expected: string;
}

/** Settings that may hold a password or a token: never printed back, even when wrong. */
const SECRET_SETTINGS = new Set(["CAIRN_SMTP_URL", "CAIRN_WEBHOOK_URL"]);

function shown(p: ConfigProblem): string {
  if (p.given === undefined) return "(unset)";
  if (SECRET_SETTINGS.has(p.name)) return `(hidden, ${p.given.length} characters)`;
  return JSON.stringify(p.given);
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.name}=${shown(p)}: expected ${p.expected}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Empty strings count as unset, as in most `.env` conventions. */
function withoutEmpty(record: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = record[key];
    if (value !== undefined && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}

export function loadConfig(record: Record<string, string | undefined>): Config {
  const input = withoutEmpty(record);
  const result = configSchema.safeParse(input);
  if (result.success) {
    // Athena needs both its table and its output location: one without the other is a mistake.
    const [table, output] = [result.data.CAIRN_ATHENA_TABLE, result.data.CAIRN_ATHENA_OUTPUT];
    if ((table === undefined) !== (output === undefined)) {
      const name = table === undefined ? "CAIRN_ATHENA_TABLE" : "CAIRN_ATHENA_OUTPUT";
      throw new ConfigError([
        { name, given: undefined, expected: "set as well: Athena needs both its table and its output location" },
      ]);
    }
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "(configuration)");
    return { name, given: input[name], expected: issue.message };
  });
  throw new ConfigError(problems);
}
