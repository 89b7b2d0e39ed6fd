/**
 * AWS Organizations on 127.0.0.1 for tests, speaking the real JSON 1.1 protocol: POST /,
 * `X-Amz-Target: AWSOrganizationsV20161128.ListAccounts`, `Content-Type:
 * application/x-amz-json-1.1`, SigV4-signed for service `organizations` in us-east-1 (checked
 * with the secret key, as AWS does). It lists its accounts in pages of `pageSize` (or the
 * request's MaxResults when smaller) with an opaque NextToken, and answers with AWS's error
 * shapes for a caller that is not the management account (AccessDeniedException), an account
 * in no organisation (AWSOrganizationsNotInUseException) or throttling (TooManyRequestsException).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { checkSigV4 } from "./sigv4";

export interface FakeAccount {
  Id: string;
  Name: string;
  State?: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";
}

export type OrganizationsFault = "access-denied" | "not-in-use" | "throttling";

export interface FakeOrganizations {
  endpoint: string;
  /** Every ListAccounts request that passed the protocol checks, with its body. */
  requests: { target: string; body: Record<string, unknown>; status: number }[];
  /** Requests refused for their signature or protocol (should stay empty). */
  violations: string[];
  setAccounts: (accounts: FakeAccount[]) => void;
  /** Every request from now on fails so (null: none). */
  fail: (fault: OrganizationsFault | null) => void;
  close: () => Promise<void>;
}

const TARGET_PREFIX = "AWSOrganizationsV20161128.";

const FAULTS: Record<OrganizationsFault, { type: string; message: string; status: number }> = {
  "access-denied": {
    type: "AccessDeniedException",
    message: "You don't have permissions to access this resource.",
    status: 400,
  },
  "not-in-use": {
    type: "AWSOrganizationsNotInUseException",
    message: "Your account is not a member of an organization.",
    status: 400,
  },
  throttling: {
    type: "TooManyRequestsException",
    message:
      "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
    status: 400,
  },
};

export async function startFakeOrganizations(options: {
  accounts: FakeAccount[];
  secretAccessKey: string;
  pageSize?: number;
}): Promise<FakeOrganizations> {
  let accounts = options.accounts;
  let fault: OrganizationsFault | null = null;
  const pageSize = options.pageSize ?? 20;
  const requests: FakeOrganizations["requests"] = [];
  const violations: string[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const target = String(req.headers["x-amz-target"] ?? "");
      const send = (status: number, body: unknown, errorType?: string) => {
        res.writeHead(status, {
          "content-type": "application/x-amz-json-1.1",
          ...(errorType ? { "x-amzn-errortype": errorType } : {}),
        });
        res.end(JSON.stringify(body));
      };
      const auth = checkSigV4(req.method ?? "", req.url ?? "", req.headers, raw, options.secretAccessKey);
      const problems: string[] = [];
      if (!auth.ok) problems.push(auth.reason);
      else if (auth.service !== "organizations" || auth.region !== "us-east-1")
        problems.push(`signed for ${auth.service} in ${auth.region}, not organizations in us-east-1`);
      if (req.method !== "POST" || req.url !== "/") problems.push(`${req.method} ${req.url}`);
      if (target !== `${TARGET_PREFIX}ListAccounts`) problems.push(`X-Amz-Target ${target}`);
      if (req.headers["content-type"] !== "application/x-amz-json-1.1")
        problems.push(`Content-Type ${req.headers["content-type"]}`);
      if (problems.length > 0) {
        violations.push(problems.join("; "));
        return send(
          403,
          { __type: "InvalidSignatureException", message: problems.join("; ") },
          "InvalidSignatureException",
        );
      }
      const body = JSON.parse(raw.toString() || "{}") as { NextToken?: string; MaxResults?: number };
      if (fault) {
        const f = FAULTS[fault];
        requests.push({ target, body, status: f.status });
        return send(f.status, { __type: f.type, Message: f.message }, f.type);
      }
      let offset = 0;
      if (body.NextToken !== undefined) {
        const m = /^page-(\d+)$/.exec(Buffer.from(body.NextToken, "base64").toString());
        if (!m) {
          requests.push({ target, body, status: 400 });
          return send(
            400,
            { __type: "InvalidInputException", Message: "The NextToken is not valid." },
            "InvalidInputException",
          );
        }
        offset = Number(m[1]);
      }
      const size = Math.min(pageSize, body.MaxResults ?? pageSize);
      const page = accounts.slice(offset, offset + size);
      const next =
        offset + size < accounts.length ? Buffer.from(`page-${offset + size}`).toString("base64") : undefined;
      requests.push({ target, body, status: 200 });
      send(200, {
        Accounts: page.map((a) => ({
          Id: a.Id,
          Arn: `arn:aws:organizations::111111111111:account/o-exampleorgid/${a.Id}`,
          Email: `aws+${a.Id}@example.org`,
          Name: a.Name,
          State: a.State ?? "ACTIVE",
          JoinedMethod: "CREATED",
          JoinedTimestamp: 1_700_000_000,
        })),
        ...(next ? { NextToken: next } : {}),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    violations,
    setAccounts: (next) => {
      accounts = next;
    },
    fail: (f) => {
      fault = f;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
