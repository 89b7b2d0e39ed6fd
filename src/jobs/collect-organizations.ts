/**
 * Account names from AWS Organizations (CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS=1): one
 * ListAccounts read (every page), recorded as a run of source `organizations` so the data health
 * page shows it, then stored whole (src/store/organization-accounts.ts). A refusal (the
 * credentials are not the management account's or a delegated administrator's) or an account in
 * no organisation ends this run as failed with a sentence that says so; it never throws, so cost
 * collection around it goes on, and the names last read stay.
 */
import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import { describeOrganizationsFailure, listOrganizationAccounts } from "../../collectors/organizations/list-accounts";
import { replaceOrganizationAccounts } from "../store/organization-accounts";
import { finishRun, startRun } from "../store/runs";
import type { Store } from "../store/store";

export const ORGANIZATIONS_SOURCE = "organizations";

export interface OrganizationsDeps {
  store: Store;
  /** Built lazily: a Worker without AWS secrets throws here, which the run records. */
  organizations: () => OrganizationsClient;
  now: () => Date;
}

export interface OrganizationsSummary {
  source: typeof ORGANIZATIONS_SOURCE;
  status: "succeeded" | "failed";
  runId: number;
  accounts: number;
  requests: number;
  error: string | null;
  errorKind: string | null;
}

export async function collectOrganizationNames(deps: OrganizationsDeps): Promise<OrganizationsSummary> {
  const runId = await startRun(deps.store, { source: ORGANIZATIONS_SOURCE, startedAt: deps.now().toISOString() });
  const summary: OrganizationsSummary = {
    source: ORGANIZATIONS_SOURCE,
    status: "failed",
    runId,
    accounts: 0,
    requests: 0,
    error: null,
    errorKind: null,
  };
  try {
    const listed = await listOrganizationAccounts(deps.organizations());
    summary.requests = listed.pages;
    summary.accounts = await replaceOrganizationAccounts(deps.store, listed.accounts, deps.now().toISOString());
    summary.status = "succeeded";
  } catch (error) {
    const failure = describeOrganizationsFailure(error);
    summary.error = failure.message;
    summary.errorKind = failure.kind;
  }
  await finishRun(deps.store, runId, {
    finishedAt: deps.now().toISOString(),
    status: summary.status,
    // ListAccounts is free: pages are counted, never priced.
    requests: summary.requests,
    requestCostUsd: 0,
    rowsWritten: summary.accounts,
    error: summary.error,
    errorKind: summary.errorKind,
  });
  return summary;
}

/** One line for the CLI and the scheduler's log. */
export function formatOrganizationsSummary(s: OrganizationsSummary): string {
  return s.status === "succeeded"
    ? `AWS Organizations: ${s.accounts} account name(s) read in ${s.requests} request(s) (free)`
    : `AWS Organizations: account names not read: ${s.error}`;
}
