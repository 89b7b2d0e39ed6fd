/**
 * A local CloudWatch on 127.0.0.1 speaking what the current @aws-sdk/client-cloudwatch sends:
 * AWS JSON 1.0 in query-compatible mode (`X-Amz-Target: GraniteServiceVersion20100801.<Op>`,
 * `x-amzn-query-mode: true`, epoch-second timestamps, errors with `x-amzn-query-error`). Every
 * request's SigV4 signature is checked against the test's secret key. It pages ListMetrics and
 * GetMetricData (NextToken, PartialData while more pages follow), can cut an answer (PartialData
 * on the last page) and can throttle the next requests.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import { checkSigV4 } from "./sigv4";

export const FAKE_ACCESS_KEY = "AKIAFAKECLOUDWATCH01";
export const FAKE_SECRET_KEY = "fake-cloudwatch-secret-key/for-tests-only";
const TARGET_PREFIX = "GraniteServiceVersion20100801.";

export interface FakeMetric {
  region: string;
  namespace: string;
  metricName: string;
  dimensions: { Name: string; Value: string }[];
  /** [epoch seconds, value], ascending. */
  points: [number, number][];
}

export interface FakeRequest {
  operation: string;
  region: string;
  body: Record<string, unknown>;
  attempt: string | undefined;
  answered: "ok" | "throttled" | "refused";
}

export interface FakeCloudWatchOptions {
  metrics: FakeMetric[];
  /** Metrics per ListMetrics page. */
  listPageSize?: number;
  /** Datapoints per result per GetMetricData page. */
  pointsPerPage?: number;
  /** `namespace|metricName|firstDimensionValue` of series whose answer is cut: PartialData on the last page, later points never sent. */
  cut?: Set<string>;
  /** The secret key requests must be signed with (default FAKE_SECRET_KEY). */
  secretAccessKey?: string;
}

export interface FakeCloudWatch {
  url: string;
  requests: FakeRequest[];
  /** The next `n` requests are refused with a query-style Throttling error. */
  throttleNext: (n: number) => void;
  /** What the server sent for each series: `namespace|metricName|dimensions` -> points sent. */
  sent: Map<string, [number, number][]>;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, payload: unknown, queryError?: string): void {
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "fake" };
  if (queryError) headers["x-amzn-query-error"] = queryError;
  res.writeHead(status, headers);
  res.end(JSON.stringify(payload));
}

const dimsKey = (dims: { Name: string; Value: string }[]) =>
  [...dims]
    .sort((a, b) => a.Name.localeCompare(b.Name))
    .map((d) => `${d.Name}=${d.Value}`)
    .join(";");
const seriesKey = (region: string, ns: string, name: string, dims: { Name: string; Value: string }[]) =>
  `${region}|${ns}|${name}|${dimsKey(dims)}`;

export async function startFakeCloudWatch(options: FakeCloudWatchOptions): Promise<FakeCloudWatch> {
  const listPageSize = options.listPageSize ?? 500;
  const secretAccessKey = options.secretAccessKey ?? FAKE_SECRET_KEY;
  const pointsPerPage = options.pointsPerPage ?? 100_800;
  const requests: FakeRequest[] = [];
  const sent = new Map<string, [number, number][]>();
  let throttle = 0;

  function listMetrics(region: string, body: Record<string, unknown>) {
    const all = options.metrics.filter(
      (m) =>
        m.region === region &&
        (body.Namespace === undefined || m.namespace === body.Namespace) &&
        (body.MetricName === undefined || m.metricName === body.MetricName),
    );
    const offset = body.NextToken ? Number(String(body.NextToken).slice(5)) : 0;
    const page = all.slice(offset, offset + listPageSize);
    const next = offset + listPageSize < all.length ? `list-${offset + listPageSize}` : undefined;
    return {
      Metrics: page.map((m) => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: m.dimensions })),
      ...(next ? { NextToken: next } : {}),
    };
  }

  function getMetricData(region: string, body: Record<string, unknown>) {
    const queries = body.MetricDataQueries as {
      Id: string;
      MetricStat: {
        Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: string }[] };
        Period: number;
        Stat: string;
      };
    }[];
    if (!Array.isArray(queries) || queries.length === 0 || queries.length > 500) {
      return {
        status: 400,
        payload: { __type: "InvalidParameterValue", message: "1 to 500 MetricDataQueries" },
        error: "InvalidParameterValue;Sender",
      };
    }
    const start = Number(body.StartTime);
    const end = Number(body.EndTime);
    const page = body.NextToken ? Number(String(body.NextToken).slice(5)) : 0;
    let more = false;
    const results = queries.map((q) => {
      const { Namespace, MetricName, Dimensions = [] } = q.MetricStat.Metric;
      const metric = options.metrics.find(
        (m) =>
          seriesKey(m.region, m.namespace, m.metricName, m.dimensions) ===
          seriesKey(region, Namespace, MetricName, Dimensions),
      );
      const inWindow = (metric?.points ?? []).filter(([t]) => t >= start && t < end);
      const cut = metric && options.cut?.has(`${Namespace}|${MetricName}|${Dimensions[0]?.Value ?? ""}`);
      // A cut answer stops after its first page and says PartialData with no NextToken to follow.
      const available = cut ? inWindow.slice(0, pointsPerPage) : inWindow;
      const slice = available.slice(page * pointsPerPage, (page + 1) * pointsPerPage);
      const hasMore = (page + 1) * pointsPerPage < available.length;
      if (hasMore) more = true;
      if (slice.length > 0) {
        const k = seriesKey(region, Namespace, MetricName, Dimensions);
        sent.set(k, [...(sent.get(k) ?? []), ...slice]);
      }
      return {
        Id: q.Id,
        Label: MetricName,
        Timestamps: slice.map(([t]) => t),
        Values: slice.map(([, v]) => v),
        StatusCode: hasMore || (cut && inWindow.length > available.length) ? "PartialData" : "Complete",
      };
    });
    return {
      status: 200,
      payload: { MetricDataResults: results, Messages: [], ...(more ? { NextToken: `page-${page + 1}` } : {}) },
    };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const target = String(req.headers["x-amz-target"] ?? "");
      const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
      const record = (region: string, answered: FakeRequest["answered"]) =>
        requests.push({
          operation,
          region,
          body: raw ? JSON.parse(raw) : {},
          attempt: req.headers["amz-sdk-request"] as string | undefined,
          answered,
        });
      if (
        !operation ||
        req.headers["x-amzn-query-mode"] !== "true" ||
        req.headers["content-type"] !== "application/x-amz-json-1.0"
      ) {
        record("", "refused");
        return send(res, 400, { __type: "UnknownOperationException", message: `unexpected target ${target}` });
      }
      const verified = checkSigV4(req.method ?? "", req.url ?? "/", req.headers, Buffer.from(raw), secretAccessKey);
      if (!verified.ok || !verified.region) {
        record("", "refused");
        return send(
          res,
          403,
          { __type: "com.amazonaws.cloudwatch#IncompleteSignature", message: verified.reason },
          "SignatureDoesNotMatch;Sender",
        );
      }
      if (throttle > 0) {
        throttle -= 1;
        record(verified.region, "throttled");
        return send(
          res,
          400,
          { __type: "com.amazonaws.cloudwatch#ThrottlingException", message: "Rate exceeded" },
          "Throttling;Sender",
        );
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      record(verified.region, "ok");
      if (operation === "ListMetrics") return send(res, 200, listMetrics(verified.region, body));
      if (operation === "GetMetricData") {
        const out = getMetricData(verified.region, body);
        return send(res, out.status, out.payload, out.error);
      }
      return send(res, 400, { __type: "InvalidAction", message: operation }, "InvalidAction;Sender");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sent,
    throttleNext: (n) => {
      throttle = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
