/**
 * What every CLI command is: a name, its usage text, its options (node:util parseArgs), and a
 * `run` that receives everything it needs from the composition root (src/node.ts).
 */

import type { ParseArgsConfig } from "node:util";
import type { AthenaClient } from "@aws-sdk/client-athena";
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { S3Client } from "@aws-sdk/client-s3";
import type { CloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import type { MailTransport } from "../../reports/mail/transport";
import type { WebhookTransport } from "../../reports/mail/webhook";
import type { ReportRenderers } from "../../reports/render/renderers";
import type { UtilisationLookup } from "../carbon/estimate";
import type { Config } from "../config";
import { isValidDay } from "../days";
import type { ProcessProbe } from "../jobs/collection-lock";
import type { JobHandlers } from "../jobs/scheduler";
import type { CostLine } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import type { Store } from "../store/store";

/** Everything a command may use; built by src/node.ts, never by the command itself. */
export interface CliContext {
  config: Config;
  /** Opens the configured database (migrating it); the root closes it after the command. */
  openStore: () => Store;
  now: () => Date;
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is an interactive terminal: long work may draw a progress display. */
  interactive: boolean;
  /** Lazily built clients and services: each command asks for what it needs. */
  services: CliServices;
}

/** Filled in by src/node.ts; features add their own entries. */
export interface CliServices {
  /**
   * Carbon estimates for lines about to be stored (the configured factor set), with measured
   * CPU utilisation where CloudWatch gave one.
   */
  estimate: (lines: CostLine[], utilisation?: UtilisationLookup) => EstimatedLine[];
  /** One CloudWatch client per region. */
  cloudWatch: CloudWatchClientFactory;
  /** The scheduled jobs of `cairn serve`, bound to an opened store. */
  jobHandlers: (store: Store) => JobHandlers;
  /** The Cost Explorer client (collectors/cost-explorer/client.ts), built once on first use. */
  costExplorer: () => CostExplorerClient;
  /** The Athena client (collectors/athena/client.ts), built once on first use. */
  athena?: () => AthenaClient;
  /** The AWS Organizations client (collectors/organizations/client.ts), for account names. */
  organizations?: () => OrganizationsClient;
  /** The configured mail transport (reports/mail), null for none; throws MailError when misconfigured. */
  mailTransport?: () => MailTransport | null;
  /** Where `cairn fx fetch` reads the ECB's monthly USD reference rates (SDMX CSV); a test's local server. */
  ecbRatesUrl?: string;
  /** The webhook of CAIRN_WEBHOOK_URL, null when unset. */
  webhook?: () => WebhookTransport | null;
  /** How reports draw their charts and PDF (canvas + pdfkit under Node). */
  reportRenderers: ReportRenderers;
  /** The S3 client for `cairn import s3://...` (collectors/focus/s3-client.ts), built once on first use. */
  s3: () => S3Client;
  /** This process, for the collection lock (src/cli/this-process.ts). */
  processes?: ProcessProbe;
}

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `cairn NAME --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  /** Returns the exit status: 0 success, 1 explained failure. Throw UsageError for bad usage. */
  run: (ctx: CliContext, values: ParsedValues, positionals: string[]) => Promise<number>;
}

/** Bad usage: the root prints the message and the command's usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A failure the message explains to the user: exit status 1, no stack trace. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliFailure";
  }
}

/** Reads a `YYYY-MM-DD` option, or throws a UsageError naming it. */
export function dayOption(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !isValidDay(value)) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}
