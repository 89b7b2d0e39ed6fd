/**
 * Turns what the CloudWatch client throws into one readable reason. The current client speaks
 * JSON 1.0 in query-compatible mode, so error names may arrive in their query spelling
 * (`Throttling`) as well as the JSON one (`ThrottlingException`).
 */

import { isNetworkFailure, reachedAws, type SdkLikeError } from "../aws-errors";

export { reachedAws };

export type CloudWatchFailureKind =
  | "throttled"
  | "access-denied"
  | "missing-credentials"
  | "expired-credentials"
  | "invalid-request"
  | "network"
  | "other";

export class CloudWatchError extends Error {
  constructor(
    readonly kind: CloudWatchFailureKind,
    message: string,
    readonly operation: string | null = null,
  ) {
    super(message);
    this.name = "CloudWatchError";
  }
}

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "LimitExceededException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
]);
const ACCESS = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException"]);
const EXPIRED = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "InvalidSignatureException",
]);
const INVALID = new Set([
  "InvalidParameterValue",
  "InvalidParameterValueException",
  "InvalidParameterCombination",
  "InvalidParameterCombinationException",
  "MissingParameter",
  "MissingRequiredParameterException",
  "InvalidNextToken",
  "ValidationError",
  "ValidationException",
]);

export function describeCloudWatchFailure(error: unknown, operation: string, region: string): CloudWatchError {
  if (error instanceof CloudWatchError) return error;
  const e = (error ?? {}) as SdkLikeError;
  const name = e.name ?? "Error";
  const detail = (e.message ?? String(error)).split("\n")[0]?.trim() ?? "";
  const attempts = e.$metadata?.attempts ?? 1;
  const where = `CloudWatch ${operation} in ${region}`;
  if (THROTTLING.has(name)) {
    return new CloudWatchError(
      "throttled",
      `${where} was throttled (${name}) and still refused after ${attempts} attempts; nothing was written, the next run will try again.`,
      operation,
    );
  }
  if (ACCESS.has(name)) {
    return new CloudWatchError(
      "access-denied",
      `Access denied to ${where}: grant the IAM action cloudwatch:${operation} (see the README's policy). AWS said: ${detail}`,
      operation,
    );
  }
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(detail)) {
    return new CloudWatchError(
      "missing-credentials",
      `No AWS credentials were found for ${where} (${name}): configure them the AWS way (AWS_PROFILE and \`aws sso login\`, a role, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) and collect again.`,
      operation,
    );
  }
  if (EXPIRED.has(name) || /expired/i.test(name)) {
    return new CloudWatchError(
      "expired-credentials",
      `The AWS credentials were refused by ${where} (${name}): renew them and run again. AWS said: ${detail}`,
      operation,
    );
  }
  if (INVALID.has(name))
    return new CloudWatchError("invalid-request", `${where} refused the request (${name}): ${detail}`, operation);
  if (isNetworkFailure(e)) {
    return new CloudWatchError(
      "network",
      `Could not reach ${where} (${e.code ?? name}: ${detail}); check the network, a proxy or AWS_ENDPOINT_URL_CLOUDWATCH.`,
      operation,
    );
  }
  return new CloudWatchError("other", `${where} failed (${name}): ${detail}`, operation);
}
