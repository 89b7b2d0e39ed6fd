/**
 * Turns whatever the SDK throws into one readable reason a user can act on. The run that met it
 * ends as failed with this message; nothing it fetched is written, so the next run re-reads the
 * same window.
 */

import { isNetworkFailure, reachedAws, type SdkLikeError } from "../aws-errors";

export { reachedAws };

export type FailureKind =
  | "throttled"
  | "access-denied"
  | "no-data"
  | "missing-credentials"
  | "expired-credentials"
  | "request-changed"
  | "bill-expired"
  | "invalid-request"
  | "network"
  | "malformed-answer"
  | "request-cap"
  | "other";

export class CostExplorerError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly operation: string | null = null,
  ) {
    super(message);
    this.name = "CostExplorerError";
  }
}

const IAM_ACTION: Readonly<Record<string, string>> = {
  GetCostAndUsage: "ce:GetCostAndUsage",
  GetCostForecast: "ce:GetCostForecast",
  GetDimensionValues: "ce:GetDimensionValues",
  AssumeRole: "sts:AssumeRole",
};

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "LimitExceededException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
]);
const EXPIRED = new Set([
  "ExpiredTokenException",
  "ExpiredToken",
  "RequestExpired",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "TokenRefreshRequired",
]);

export function describeFailure(error: unknown, operation: string): CostExplorerError {
  if (error instanceof CostExplorerError) return error;
  const e = (error ?? {}) as SdkLikeError;
  const name = e.name ?? "Error";
  const detail = (e.message ?? String(error)).split("\n")[0]?.trim() ?? "";
  const attempts = e.$metadata?.attempts ?? 1;
  const action = IAM_ACTION[operation] ?? `ce:${operation}`;

  if (THROTTLING.has(name)) {
    return new CostExplorerError(
      "throttled",
      `Cost Explorer throttled ${operation} (${name}) and still refused after ${attempts} attempts; nothing was written, the next run will try again.`,
      operation,
    );
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || name === "UnauthorizedException") {
    const assumed = /sts:AssumeRole/.test(detail);
    const missing = assumed ? "sts:AssumeRole" : action;
    return new CostExplorerError(
      "access-denied",
      `Access denied: the credentials may not call ${missing} (grant the IAM action ${missing}; see the README's policy). AWS said: ${detail}`,
      operation,
    );
  }
  if (name === "DataUnavailableException") {
    return new CostExplorerError(
      "no-data",
      `Cost Explorer has no data for this period yet (DataUnavailableException on ${operation}): a new account, or Cost Explorer enabled less than 24 hours ago. The next run will try again.`,
      operation,
    );
  }
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(detail)) {
    return new CostExplorerError(
      "missing-credentials",
      `No AWS credentials were found (${name}): configure them the AWS way (AWS_PROFILE and \`aws sso login\`, a role, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) and collect again.`,
      operation,
    );
  }
  if (EXPIRED.has(name) || /expired/i.test(name) || /security token.*expired|token.*expired/i.test(detail)) {
    return new CostExplorerError(
      "expired-credentials",
      `The AWS credentials were refused (${name}): they have expired or are not valid. Renew them (for example \`aws sso login\`) and run again. AWS said: ${detail}`,
      operation,
    );
  }
  if (name === "RequestChangedException") {
    return new CostExplorerError(
      "request-changed",
      `Cost Explorer refreshed its data while Cairn was reading the pages of ${operation} (RequestChangedException); nothing was written, the next run re-reads the window.`,
      operation,
    );
  }
  if (name === "BillExpirationException") {
    return new CostExplorerError(
      "bill-expired",
      `The period asked for is older than Cost Explorer keeps (BillExpirationException): ${detail}`,
      operation,
    );
  }
  if (name === "ValidationException" || name === "InvalidNextTokenException") {
    return new CostExplorerError(
      "invalid-request",
      `Cost Explorer refused ${operation} (${name}): ${detail}`,
      operation,
    );
  }
  if (
    name === "SyntaxError" ||
    /Deserialization error/i.test(e.message ?? "") ||
    (e.code === "ECONNRESET" && reachedAws(e))
  ) {
    const status = e.$metadata?.httpStatusCode;
    return new CostExplorerError(
      "malformed-answer",
      `Cost Explorer's answer to ${operation} could not be read (malformed or truncated${status ? `, HTTP ${status}` : ""}: ${detail}); nothing was written, the next run will try again.`,
      operation,
    );
  }
  if (isNetworkFailure(e)) {
    return new CostExplorerError(
      "network",
      `Could not reach Cost Explorer for ${operation} (${e.code ?? name}: ${detail}); check the network, a proxy or AWS_ENDPOINT_URL_COST_EXPLORER.`,
      operation,
    );
  }
  return new CostExplorerError("other", `${operation} failed (${name}): ${detail}`, operation);
}
