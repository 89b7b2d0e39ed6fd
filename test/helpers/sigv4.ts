/**
 * Checks an AWS Signature Version 4 Authorization header the way AWS does: rebuilds the
 * canonical request from what arrived and recomputes the signature with the secret key.
 */
import { createHash, createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

export interface SigV4Check {
  ok: boolean;
  reason: string;
  accessKeyId?: string;
  region?: string;
  service?: string;
}

export function checkSigV4(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  secretAccessKey: string,
): SigV4Check {
  const auth = String(headers.authorization ?? "");
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return { ok: false, reason: `malformed Authorization header: ${auth}` };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = m as unknown as string[];
  const amzDate = String(headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(date as string))
    return { ok: false, reason: "x-amz-date does not match the credential scope" };
  const names = (signedHeaders as string).split(";");
  if (!names.includes("host") || !names.includes("x-amz-date"))
    return { ok: false, reason: "host and x-amz-date must be signed" };
  const [path, query = ""] = url.split("?");
  const canonicalQuery = query
    .split("&")
    .filter((p) => p !== "")
    .sort()
    .join("&");
  const canonicalHeaders = names
    .map(
      (n) =>
        `${n}:${String(headers[n] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const payloadHash = String(headers["x-amz-content-sha256"] ?? sha256(body));
  if (payloadHash !== sha256(body)) return { ok: false, reason: "payload hash mismatch" };
  const canonical = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, date as string), region as string), service as string),
    "aws4_request",
  );
  const expected = createHmac("sha256", key).update(toSign).digest("hex");
  if (expected !== signature) return { ok: false, reason: "signature mismatch" };
  return { ok: true, reason: "ok", accessKeyId, region, service };
}
