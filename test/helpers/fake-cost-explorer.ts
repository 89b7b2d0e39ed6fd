/**
 * A Cost Explorer on 127.0.0.1 speaking the real JSON 1.1 protocol, for integration tests: the
 * SDK signs, paginates and retries against it for real. It checks every request (POST /,
 * `X-Amz-Target: AWSInsightsIndexService.<Op>`, `Content-Type: application/x-amz-json-1.1`, a
 * SigV4 `Authorization` for service `ce`) and answers GetCostAndUsage, GetDimensionValues,
 * GetCostForecast and GetCostAndUsageWithResources (the `RESOURCE_ID` group-by: a Filter is
 * required, and its period must start within the last 14 days of `today`) from a scripted dataset, aggregating its records for whatever two group-bys
 * are asked, exactly in decimal. It paginates by a number of groups per page (a day may be split
 * across pages, as AWS does), and refuses a page token from before a dataset change with
 * RequestChangedException. Faults (throttling, access denied, no data, expired token, malformed
 * or truncated bodies) are scripted per operation.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One record of the truth at its finest grain; amounts are decimal strings as AWS sends them. */
export interface FakeRecord {
  day: string;
  accountId: string;
  service: string;
  usageType: string;
  /** Pipeline tag value; '' for untagged. */
  pipeline: string;
  unblended: string;
  amortized: string;
  usage: string;
  unit: string;
  /** The resource billed, for GetCostAndUsageWithResources ('' or absent: none). */
  resourceId?: string;
}

export interface FakeDataset {
  records: FakeRecord[];
  /** Whether AWS still calls a day's figures estimated. */
  estimated: (day: string) => boolean;
}

export type Operation = "GetCostAndUsage" | "GetDimensionValues" | "GetCostForecast" | "GetCostAndUsageWithResources";

export type FaultKind =
  | "throttling"
  | "limit-exceeded"
  | "access-denied"
  | "data-unavailable"
  | "expired-token"
  | "request-changed"
  | "malformed"
  | "truncated";

export interface Fault {
  operation: Operation;
  kind: FaultKind;
  /** How many matching requests get the fault (retries included). */
  times: number;
  /** Matching requests to let through first. */
  skip?: number;
}

export interface LoggedRequest {
  operation: string;
  /** The access key the request was signed with. */
  accessKeyId?: string;
  body: Record<string, unknown>;
  status: number;
}

/** Fixed-point decimals: 10 places, exact. */
const SCALE = 10n ** 10n;

export function toFixedPoint(amount: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) throw new Error(`not a decimal: ${amount}`);
  const frac = (m[3] ?? "").padEnd(10, "0");
  if (frac.length > 10) throw new Error(`more than 10 decimals: ${amount}`);
  const v = BigInt(m[2] as string) * SCALE + BigInt(frac);
  return m[1] === "-" ? -v : v;
}

export function fromFixedPoint(v: bigint): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const frac = (abs % SCALE).toString().padStart(10, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${abs / SCALE}${frac ? `.${frac}` : ""}`;
}

/** Rounds a fixed-point amount to cents, half away from zero. */
export function centsOf(v: bigint): number {
  const c = SCALE / 100n;
  const half = c / 2n;
  return Number((v >= 0n ? v + half : v - half) / c) / 100;
}

interface GroupDef {
  Type: string;
  Key: string;
}

function keyOf(r: FakeRecord, g: GroupDef): string {
  if (g.Type === "TAG") return `${g.Key}$${r.pipeline}`;
  switch (g.Key) {
    case "SERVICE":
      return r.service;
    case "USAGE_TYPE":
      return r.usageType;
    case "LINKED_ACCOUNT":
      return r.accountId;
    case "RESOURCE_ID":
      return r.resourceId ?? "";
    default:
      throw new Error(`fake: unsupported group-by ${g.Key}`);
  }
}

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const ERRORS: Record<Exclude<FaultKind, "malformed" | "truncated">, { type: string; message: string }> = {
  throttling: { type: "ThrottlingException", message: "Rate exceeded" },
  "limit-exceeded": { type: "LimitExceededException", message: "You have exceeded the rate limit." },
  "access-denied": {
    type: "AccessDeniedException",
    message:
      "User: arn:aws:iam::111111111111:user/cairn is not authorized to perform: ce:{op} on resource: arn:aws:ce:us-east-1:111111111111:/{op}",
  },
  "data-unavailable": {
    type: "DataUnavailableException",
    message: "Data is not available. Please try to adjust the time period.",
  },
  "expired-token": { type: "ExpiredTokenException", message: "The security token included in the request is expired" },
  "request-changed": { type: "RequestChangedException", message: "The request changed between pages; start again." },
};

export interface FakeCostExplorer {
  endpoint: string;
  requests: LoggedRequest[];
  /** Protocol violations seen (should stay empty). */
  violations: string[];
  setDataset: (dataset: FakeDataset) => void;
  setPageSize: (groups: number) => void;
  /** The forecast of the remaining period's spend, or null for DataUnavailableException. */
  setForecast: (meanUsd: string | null) => void;
  fail: (fault: Fault) => void;
  clearFaults: () => void;
  /** Hold every request unanswered until `release()`. */
  hold: () => void;
  release: () => void;
  /** Requests that arrived, answered or held. */
  arrived: () => number;
  /** Logical requests per operation that the server answered with 200. */
  answered: (operation?: Operation) => number;
  close: () => Promise<void>;
}

export interface FakeOptions {
  dataset: FakeDataset;
  pageSize?: number;
  forecastMeanUsd?: string | null;
  /** AWS's today, for GetCostAndUsageWithResources' 14-day limit (default: the real today). */
  today?: string;
}

export async function startFakeCostExplorer(options: FakeOptions): Promise<FakeCostExplorer> {
  let dataset = options.dataset;
  let version = 1;
  let pageSize = options.pageSize ?? 1000;
  let forecastMean = options.forecastMeanUsd === undefined ? "100.0" : options.forecastMeanUsd;
  const faults: (Fault & { seen: number; used: number })[] = [];
  const requests: LoggedRequest[] = [];
  const violations: string[] = [];
  let holding = false;
  let arrived = 0;
  const waiting: (() => void)[] = [];

  type Dimensions = { Dimensions?: { Key: string; Values: string[] } };
  /** LINKED_ACCOUNT and SERVICE filters, alone or under one And. */
  const filters = (body: Record<string, unknown>): { accounts: string[] | null; services: string[] | null } => {
    const f = body.Filter as (Dimensions & { And?: Dimensions[] }) | undefined;
    const out = { accounts: null as string[] | null, services: null as string[] | null };
    if (!f) return out;
    for (const d of f.And ?? [f]) {
      if (d.Dimensions?.Key === "LINKED_ACCOUNT") out.accounts = d.Dimensions.Values;
      else if (d.Dimensions?.Key === "SERVICE") out.services = d.Dimensions.Values;
      else throw new Error(`fake: unsupported filter ${JSON.stringify(f)}`);
    }
    return out;
  };
  const accountFilter = (body: Record<string, unknown>): string[] | null => filters(body).accounts;

  function costAndUsage(body: Record<string, unknown>, withResources = false): Record<string, unknown> {
    const period = body.TimePeriod as { Start: string; End: string };
    const groupBy = (body.GroupBy as GroupDef[] | undefined) ?? [];
    const metrics = body.Metrics as string[];
    if (body.Granularity !== "DAILY") throw new Error("fake: DAILY only");
    if (groupBy.length > 2) throw new Error("fake: at most 2 group-bys");
    if (withResources) {
      // AWS: "The range must be within the last 14 days"; the Filter is a required member.
      const today = options.today ?? new Date().toISOString().slice(0, 10);
      const earliest = new Date(Date.parse(`${today}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
      if (period.Start < earliest) throw new Error(`fake: start ${period.Start} is more than 14 days ago`);
      if (!body.Filter) throw new Error("fake: GetCostAndUsageWithResources needs a Filter");
    } else if (groupBy.some((g) => g.Key === "RESOURCE_ID")) {
      throw new Error("fake: RESOURCE_ID needs GetCostAndUsageWithResources");
    }
    const accounts = accountFilter(body);
    const services = filters(body).services;
    const fingerprint = JSON.stringify({ ...body, NextPageToken: undefined });
    let offset = 0;
    if (typeof body.NextPageToken === "string") {
      const token = JSON.parse(Buffer.from(body.NextPageToken, "base64").toString()) as {
        o: number;
        v: number;
        f: string;
      };
      if (token.v !== version || token.f !== fingerprint) return { __error: "request-changed" };
      offset = token.o;
    }
    // Aggregate per (day, group keys), exactly.
    const sums = new Map<string, Map<string, { u: bigint; a: bigint; q: bigint; unit: string }>>();
    for (const r of dataset.records) {
      if (r.day < period.Start || r.day >= period.End) continue;
      if (accounts && !accounts.includes(r.accountId)) continue;
      if (services && !services.includes(r.service)) continue;
      const key = JSON.stringify(groupBy.map((g) => keyOf(r, g)));
      const day = sums.get(r.day) ?? new Map();
      const cur = day.get(key) ?? { u: 0n, a: 0n, q: 0n, unit: r.unit };
      cur.u += toFixedPoint(r.unblended);
      cur.a += toFixedPoint(r.amortized);
      cur.q += toFixedPoint(r.usage);
      day.set(key, cur);
      sums.set(r.day, day);
    }
    // The items a page walks through: every group of every day, and days with none.
    const items: { day: string; key: string | null }[] = [];
    for (const day of daysOf(period.Start, period.End)) {
      const groups = [...(sums.get(day)?.keys() ?? [])].sort();
      if (groups.length === 0) items.push({ day, key: null });
      for (const key of groups) items.push({ day, key });
    }
    const page: typeof items = [];
    let groupsInPage = 0;
    let i = offset;
    for (; i < items.length; i++) {
      const item = items[i] as (typeof items)[0];
      if (item.key !== null && groupsInPage === pageSize) break;
      page.push(item);
      if (item.key !== null) groupsInPage++;
    }
    const metric = (v: bigint, unit: string) => ({ Amount: fromFixedPoint(v), Unit: unit });
    const results: Record<string, unknown>[] = [];
    for (const item of page) {
      let entry = results[results.length - 1] as { TimePeriod: { Start: string }; Groups: unknown[] } | undefined;
      if (!entry || entry.TimePeriod.Start !== item.day) {
        entry = {
          TimePeriod: { Start: item.day, End: nextDay(item.day) },
          Total: {},
          Groups: [],
          Estimated: dataset.estimated(item.day),
        } as never;
        results.push(entry as never);
      }
      if (item.key === null) continue;
      const s = sums.get(item.day)?.get(item.key);
      if (!s) continue;
      const m: Record<string, unknown> = {};
      if (metrics.includes("UnblendedCost")) m.UnblendedCost = metric(s.u, "USD");
      if (metrics.includes("AmortizedCost")) m.AmortizedCost = metric(s.a, "USD");
      if (metrics.includes("UsageQuantity")) m.UsageQuantity = metric(s.q, s.unit);
      (entry as { Groups: unknown[] }).Groups.push({ Keys: JSON.parse(item.key), Metrics: m });
    }
    const out: Record<string, unknown> = {
      GroupDefinitions: groupBy,
      ResultsByTime: results,
      DimensionValueAttributes: [],
    };
    if (i < items.length) {
      out.NextPageToken = Buffer.from(JSON.stringify({ o: i, v: version, f: fingerprint })).toString("base64");
    }
    return out;
  }

  function dimensionValues(body: Record<string, unknown>): Record<string, unknown> {
    const period = body.TimePeriod as { Start: string; End: string };
    if (body.Dimension !== "LINKED_ACCOUNT") throw new Error("fake: LINKED_ACCOUNT only");
    const ids = [
      ...new Set(dataset.records.filter((r) => r.day >= period.Start && r.day < period.End).map((r) => r.accountId)),
    ].sort();
    return {
      DimensionValues: ids.map((Value) => ({ Value, Attributes: { description: `Account ${Value}` } })),
      ReturnSize: ids.length,
      TotalSize: ids.length,
    };
  }

  function forecast(body: Record<string, unknown>): Record<string, unknown> {
    const period = body.TimePeriod as { Start: string; End: string };
    if (forecastMean === null) return { __error: "data-unavailable" };
    return {
      Total: { Amount: forecastMean, Unit: "USD" },
      ForecastResultsByTime: [
        {
          TimePeriod: period,
          MeanValue: forecastMean,
          PredictionIntervalLowerBound: fromFixedPoint((toFixedPoint(forecastMean) * 9n) / 10n),
          PredictionIntervalUpperBound: fromFixedPoint((toFixedPoint(forecastMean) * 11n) / 10n),
        },
      ],
    };
  }

  function check(req: IncomingMessage): string | null {
    const target = String(req.headers["x-amz-target"] ?? "");
    const problems: string[] = [];
    if (req.method !== "POST" || req.url !== "/") problems.push(`${req.method} ${req.url}`);
    if (
      !/^AWSInsightsIndexService\.(GetCostAndUsage|GetDimensionValues|GetCostForecast|GetCostAndUsageWithResources)$/.test(
        target,
      )
    ) {
      problems.push(`X-Amz-Target ${target}`);
    }
    if (req.headers["content-type"] !== "application/x-amz-json-1.1")
      problems.push(`Content-Type ${req.headers["content-type"]}`);
    const auth = String(req.headers.authorization ?? "");
    if (
      !/^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+\/\d{8}\/us-east-1\/ce\/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$/.test(
        auth,
      )
    ) {
      problems.push(`Authorization ${auth || "(missing)"}`);
    }
    if (!req.headers["x-amz-date"]) problems.push("no X-Amz-Date");
    return problems.length ? problems.join("; ") : null;
  }

  function sendError(res: ServerResponse, kind: FaultKind, operation: string): number {
    if (kind === "malformed") {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end('{"ResultsByTime": [{"TimePeriod": {"Start": "2026-');
      return 200;
    }
    if (kind === "truncated") {
      const body = '{"ResultsByTime": [{"TimePeriod": {"Start": "2026-01-01", "End": "2026-01-02"}, "Groups": [';
      res.writeHead(200, {
        "content-type": "application/x-amz-json-1.1",
        "content-length": String(body.length + 4000),
      });
      res.write(body);
      setTimeout(() => res.destroy(), 5);
      return 200;
    }
    const e = ERRORS[kind];
    res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": e.type });
    res.end(
      JSON.stringify({
        __type: `com.amazonaws.awsinsightsindexservice#${e.type}`,
        Message: e.message.replaceAll("{op}", operation),
      }),
    );
    return 400;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      arrived += 1;
      // A held server answers nothing until released: a slow AWS, or one to kill a client against.
      if (holding) await new Promise<void>((resolve) => waiting.push(resolve));
      const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
      const accessKeyId = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ""))?.[1];
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
      } catch {
        violations.push(`unparseable request body for ${operation}`);
      }
      const violation = check(req);
      if (violation) {
        violations.push(violation);
        res.writeHead(403, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-errortype": "IncompleteSignatureException",
        });
        res.end(JSON.stringify({ __type: "IncompleteSignatureException", Message: violation }));
        requests.push({ operation, accessKeyId, body, status: 403 });
        return;
      }
      const fault = faults.find((f) => f.operation === operation && f.used < f.times && f.seen++ >= (f.skip ?? 0));
      if (fault) {
        fault.used++;
        requests.push({ operation, accessKeyId, body, status: sendError(res, fault.kind, operation) });
        return;
      }
      try {
        const out =
          operation === "GetCostAndUsage"
            ? costAndUsage(body)
            : operation === "GetCostAndUsageWithResources"
              ? costAndUsage(body, true)
              : operation === "GetDimensionValues"
                ? dimensionValues(body)
                : forecast(body);
        if (typeof out.__error === "string") {
          requests.push({ operation, accessKeyId, body, status: sendError(res, out.__error as FaultKind, operation) });
          return;
        }
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(out));
        requests.push({ operation, accessKeyId, body, status: 200 });
      } catch (error) {
        violations.push((error as Error).message);
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "ValidationException" });
        res.end(JSON.stringify({ __type: "ValidationException", Message: (error as Error).message }));
        requests.push({ operation, accessKeyId, body, status: 400 });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    violations,
    setDataset(next) {
      dataset = next;
      version++;
    },
    setPageSize(groups) {
      pageSize = groups;
    },
    setForecast(mean) {
      forecastMean = mean;
    },
    fail(fault) {
      faults.push({ ...fault, seen: 0, used: 0 });
    },
    clearFaults() {
      faults.length = 0;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const resolve of waiting.splice(0)) resolve();
    },
    arrived: () => arrived,
    answered(operation) {
      return requests.filter((r) => r.status === 200 && (!operation || r.operation === operation)).length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Exact totals of a dataset over [from, to), optionally per a field: what the store must equal. */
export function truthTotals(
  records: readonly FakeRecord[],
  from: string,
  to: string,
  by?: (r: FakeRecord) => string,
): Map<string, { unblended: bigint; amortized: bigint }> {
  const out = new Map<string, { unblended: bigint; amortized: bigint }>();
  for (const r of records) {
    if (r.day < from || r.day >= to) continue;
    const key = by ? by(r) : "all";
    const cur = out.get(key) ?? { unblended: 0n, amortized: 0n };
    cur.unblended += toFixedPoint(r.unblended);
    cur.amortized += toFixedPoint(r.amortized);
    out.set(key, cur);
  }
  return out;
}
