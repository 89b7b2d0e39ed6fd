/**
 * Reads every account of the organisation with ListAccounts, page by page (NextToken), and turns
 * whatever the SDK throws into one reason a user can act on. Only the management account, or a
 * member account registered as a delegated administrator, may call it: any other account gets
 * AccessDeniedException, and an account in no organisation AWSOrganizationsNotInUseException.
 */
import { ListAccountsCommand, type OrganizationsClient } from "@aws-sdk/client-organizations";
import type { OrganizationAccount } from "../../src/store/organization-accounts";
import { isNetworkFailure, type SdkLikeError } from "../aws-errors";

export type OrganizationsFailureKind =
  | "organizations-denied"
  | "organizations-not-in-use"
  | "throttled"
  | "missing-credentials"
  | "expired-credentials"
  | "network"
  | "other";

export class OrganizationsError extends Error {
  constructor(
    readonly kind: OrganizationsFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "OrganizationsError";
  }
}

const EXPIRED = new Set([
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
]);

export function describeOrganizationsFailure(error: unknown): OrganizationsError {
  if (error instanceof OrganizationsError) return error;
  const e = (error ?? {}) as SdkLikeError;
  const name = e.name ?? "Error";
  const detail = (e.message ?? String(error)).split("\n")[0]?.trim() ?? "";
  if (name === "AccessDeniedException" || name === "AccessDenied")
    return new OrganizationsError(
      "organizations-denied",
      `AWS Organizations refused ListAccounts (${name}): only the organisation's management account, or a member account registered as a delegated administrator, may list accounts, with the IAM action organizations:ListAccounts. Cost collection is not affected; account names stay as they were. AWS said: ${detail}`,
    );
  if (name === "AWSOrganizationsNotInUseException")
    return new OrganizationsError(
      "organizations-not-in-use",
      `These AWS credentials belong to an account that is in no AWS Organizations organisation (${name}), so there are no account names to read: name accounts with CAIRN_ACCOUNT_NAMES instead, or turn CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS off. Cost collection is not affected.`,
    );
  if (name === "TooManyRequestsException" || name === "ThrottlingException")
    return new OrganizationsError(
      "throttled",
      `AWS Organizations limited the request rate (${name}) and still refused after ${e.$metadata?.attempts ?? 1} attempts; the next collection reads the names again.`,
    );
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(detail))
    return new OrganizationsError(
      "missing-credentials",
      `No AWS credentials were found (${name}) to read account names from AWS Organizations.`,
    );
  if (EXPIRED.has(name) || /token.*expired/i.test(detail))
    return new OrganizationsError(
      "expired-credentials",
      `AWS Organizations refused the credentials (${name}): they have expired or are not valid. AWS said: ${detail}`,
    );
  if (isNetworkFailure(e))
    return new OrganizationsError("network", `AWS Organizations could not be reached (${e.code ?? name}): ${detail}`);
  return new OrganizationsError("other", `Reading account names from AWS Organizations failed (${name}): ${detail}`);
}

export interface ListedAccounts {
  accounts: OrganizationAccount[];
  /** Pages asked for (each an API request). */
  pages: number;
}

/** Every account, all pages; throws OrganizationsError. */
export async function listOrganizationAccounts(client: OrganizationsClient): Promise<ListedAccounts> {
  const accounts: OrganizationAccount[] = [];
  let pages = 0;
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListAccountsCommand(token ? { NextToken: token } : {}));
      pages += 1;
      for (const a of page.Accounts ?? []) {
        const name = (a.Name ?? "").trim();
        if (!a.Id || !/^\d{12}$/.test(a.Id) || name === "") continue;
        // `Status` is being retired for `State` (September 2026): either says the same.
        accounts.push({ accountId: a.Id, name, status: a.State ?? a.Status ?? "" });
      }
      token = page.NextToken || undefined;
    } while (token);
  } catch (error) {
    throw describeOrganizationsFailure(error);
  }
  return { accounts, pages };
}
