/**
 * An Athena on 127.0.0.1 for tests, speaking the real JSON 1.1 protocol (POST /,
 * `X-Amz-Target: AmazonAthena.<Op>`, SigV4-signed for service `athena`, checked with the secret).
 * It runs the exact SQL it receives on DuckDB over Parquet files laid out as an AWS FOCUS export
 * (`<root>/billing_period=YYYY-MM/*.parquet`), exposed as the Glue table given. Queries go
 * QUEUED -> RUNNING -> SUCCEEDED/FAILED/CANCELLED over successive GetQueryExecution calls; results
 * come in pages (MaxResults up to 1,000, NextToken) whose first row is the header. Bytes scanned
 * are the sizes of the partition folders the query's `billing_period IN (...)` names (all of them
 * when it names none, as Athena would read). A workgroup's per-query byte limit, and scripted
 * failures and cancellations, end a query as Athena does.
 */
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { checkSigV4 } from "./sigv4";

export interface FakeAthenaOptions {
  /** Folder holding `billing_period=YYYY-MM/` sub-folders of Parquet files. */
  root: string;
  /** Glue `database.table` the SQL names. */
  table: string;
  secretAccessKey: string;
  /** Per-query byte limits by workgroup (BytesScannedCutoffPerQuery). */
  bytesLimit?: Record<string, number>;
}

export interface FakeQuery {
  id: string;
  sql: string;
  workgroup: string;
  outputLocation: string;
  bytesScanned: number;
  partitions: string[];
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  reason?: string;
}

interface Execution extends FakeQuery {
  polls: number;
  result?: { columns: string[]; types: string[]; rows: (string | null)[][] };
  error?: string;
  done: Promise<void>;
}

export interface FakeAthena {
  endpoint: string;
  queries: FakeQuery[];
  /** Requests refused (signature, protocol), with why. */
  violations: string[];
  /** The next query ends this way instead of running. */
  failNext: (state: "FAILED" | "CANCELLED", reason: string) => void;
  /** Bytes of each partition folder. */
  partitionBytes: () => Map<string, number>;
  close: () => Promise<void>;
}

function partitionSizes(root: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const dir of readdirSync(root)) {
    const m = /^billing_period=(.+)$/.exec(dir);
    if (!m) continue;
    let bytes = 0;
    for (const f of readdirSync(join(root, dir))) bytes += statSync(join(root, dir, f)).size;
    sizes.set(m[1] as string, bytes);
  }
  return sizes;
}

export async function startFakeAthena(options: FakeAthenaOptions): Promise<FakeAthena> {
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const [schema, table] = options.table.split(".") as [string, string];
  await duck.run(`CREATE SCHEMA "${schema}"`);
  await duck.run(`CREATE VIEW "${schema}"."${table}" AS SELECT * FROM read_parquet('${options.root}/*/*.parquet',
    hive_partitioning = true, hive_types = {'billing_period': VARCHAR}, union_by_name = true)`);
  const executions = new Map<string, Execution>();
  const queries: FakeQuery[] = [];
  const violations: string[] = [];
  let failure: { state: "FAILED" | "CANCELLED"; reason: string } | null = null;
  let counter = 0;

  function start(sql: string, workgroup: string, outputLocation: string): Execution {
    const sizes = partitionSizes(options.root);
    const named = /billing_period IN \(([^)]*)\)/.exec(sql);
    const partitions = named
      ? [...(named[1] as string).matchAll(/'([^']*)'/g)].map((m) => m[1] as string)
      : [...sizes.keys()];
    const bytesScanned = partitions.reduce((s, p) => s + (sizes.get(p) ?? 0), 0);
    const id = `q-${++counter}`;
    const e: Execution = {
      id,
      sql,
      workgroup,
      outputLocation,
      bytesScanned,
      partitions,
      state: "QUEUED",
      polls: 0,
      done: Promise.resolve(),
    };
    const limit = options.bytesLimit?.[workgroup];
    if (failure) {
      e.state = failure.state;
      e.reason = failure.reason;
      failure = null;
    } else if (limit !== undefined && bytesScanned > limit) {
      e.state = "CANCELLED";
      e.reason = `Query cancelled! Bytes scanned limit was exceeded. Limit: ${limit} bytes`;
      e.bytesScanned = limit;
    } else {
      e.done = (async () => {
        try {
          const reader = await duck.runAndReadAll(sql);
          const rows = reader.getRowsJson() as unknown[][];
          e.result = {
            columns: reader.columnNames(),
            types: reader.columnTypes().map((t) => String(t)),
            rows: rows.map((r) =>
              r.map((v) => (v === null ? null : typeof v === "object" ? JSON.stringify(v) : String(v))),
            ),
          };
        } catch (error) {
          e.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
        }
      })();
    }
    executions.set(id, e);
    queries.push(e);
    return e;
  }

  async function state(e: Execution): Promise<void> {
    e.polls += 1;
    if (e.state === "FAILED" || e.state === "CANCELLED" || e.state === "SUCCEEDED") return;
    if (e.polls === 1) return; // QUEUED once
    if (e.state === "QUEUED") {
      e.state = "RUNNING";
      return;
    }
    await e.done;
    if (e.error) {
      e.state = "FAILED";
      e.reason = e.error;
    } else e.state = "SUCCEEDED";
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const send = (status: number, body: unknown, type?: string) => {
        const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.1" };
        if (type) headers["x-amzn-errortype"] = type;
        res.writeHead(status, headers);
        res.end(JSON.stringify(body));
      };
      const target = String(req.headers["x-amz-target"] ?? "");
      const auth = checkSigV4(req.method ?? "", req.url ?? "", req.headers, raw, options.secretAccessKey);
      if (!auth.ok || auth.service !== "athena") {
        violations.push(auth.ok ? `signed for ${auth.service}` : auth.reason);
        return send(403, { __type: "InvalidSignatureException", message: auth.reason }, "InvalidSignatureException");
      }
      if (req.method !== "POST" || !target.startsWith("AmazonAthena.")) {
        violations.push(`unexpected ${req.method} ${target}`);
        return send(400, { __type: "InvalidRequestException", Message: "bad target" }, "InvalidRequestException");
      }
      const body = JSON.parse(raw.toString() || "{}") as Record<string, unknown>;
      const op = target.slice("AmazonAthena.".length);
      const invalid = (m: string) =>
        send(
          400,
          { __type: "InvalidRequestException", Message: m, AthenaErrorCode: "INVALID_INPUT" },
          "InvalidRequestException",
        );
      if (op === "StartQueryExecution") {
        const sql = String(body.QueryString ?? "");
        const workgroup = String(body.WorkGroup ?? "primary");
        const output = String(
          (body.ResultConfiguration as { OutputLocation?: string } | undefined)?.OutputLocation ?? "",
        );
        if (!sql) return invalid("QueryString is required");
        if (!output.startsWith("s3://")) return invalid("OutputLocation must be an s3:// URL");
        return send(200, { QueryExecutionId: start(sql, workgroup, output).id });
      }
      const e = executions.get(String(body.QueryExecutionId ?? ""));
      if (!e) return invalid(`QueryExecution ${String(body.QueryExecutionId)} was not found`);
      if (op === "GetQueryExecution") {
        await state(e);
        const status: Record<string, unknown> = { State: e.state };
        if (e.reason) {
          status.StateChangeReason = e.reason;
          status.AthenaError = { ErrorCategory: e.state === "FAILED" ? 2 : 1, ErrorMessage: e.reason };
        }
        return send(200, {
          QueryExecution: {
            QueryExecutionId: e.id,
            Query: e.sql,
            WorkGroup: e.workgroup,
            ResultConfiguration: { OutputLocation: `${e.outputLocation}${e.id}.csv` },
            Status: status,
            Statistics: {
              DataScannedInBytes: e.state === "QUEUED" ? 0 : e.bytesScanned,
              EngineExecutionTimeInMillis: 1,
            },
          },
        });
      }
      if (op === "GetQueryResults") {
        if (e.state !== "SUCCEEDED" || !e.result)
          return invalid(`Query has not yet finished. Current state: ${e.state}`);
        const max = Math.min(1000, Number(body.MaxResults ?? 1000));
        const offset = body.NextToken ? Number(body.NextToken) : 0;
        // Row 0 is the header: the columns' names, as Athena sends them.
        const all = [e.result.columns, ...e.result.rows];
        const page = all.slice(offset, offset + max);
        const next = offset + max < all.length ? String(offset + max) : undefined;
        return send(200, {
          ResultSet: {
            Rows: page.map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
            ResultSetMetadata: {
              ColumnInfo: e.result.columns.map((name, i) => ({
                Name: name,
                Label: name,
                Type: e.result?.types[i] ?? "varchar",
              })),
            },
          },
          ...(next ? { NextToken: next } : {}),
          UpdateCount: 0,
        });
      }
      return invalid(`unsupported operation ${op}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    queries,
    violations,
    failNext: (s, reason) => {
      failure = { state: s, reason };
    },
    partitionBytes: () => partitionSizes(options.root),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      duck.closeSync();
      instance.closeSync();
    },
  };
}
