/**
 * What every AWS collector needs to read an SDK error: its shape, whether the request reached
 * AWS (and so was billed), and whether it never left this machine (a network failure).
 */

export interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: unknown;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "TimeoutError",
]);

/** A connection that failed before AWS answered: refused, reset, unresolved, timed out. */
export function isNetworkFailure(e: SdkLikeError): boolean {
  return (e.code !== undefined && NETWORK_CODES.has(e.code)) || NETWORK_CODES.has(e.name ?? "");
}

/** Did the request reach AWS (and so count as a billed request)? AWS answered with a status. */
export function reachedAws(error: unknown): boolean {
  return typeof (error as SdkLikeError | undefined)?.$metadata?.httpStatusCode === "number";
}
