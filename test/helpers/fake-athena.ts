/**
 * An Athena on 127.0.0.1 for tests, speaking the real JSON 1.1 protocol (POST /,
 * `X-Amz-Target: AmazonAthena.<Op>`, SigV4-signed for service `athena`, checked with the secret).
 * It runs the exact SQL it receives on DuckDB over Parquet files laid out as an AWS FOCUS export
 * (`<root>/billing_period=YYYY-MM/*.parquet`, a hive-partitioned table), exposed under the Glue
 * `database.table` given. Queries go QUEUED -> RUNNING -> SUCCEEDED / FAILED / CANCELLED over
 * successive GetQueryExecution calls; results come in pages (MaxResults up to 1,000, NextToken)
 * whose first row is the header, as Athena's do.
 *
 * DataScannedInBytes is measured, not guessed from the SQL: DuckDB's file-system log says which
 * Parquet files a query read data from, and the stand-in reports the sizes of those files (the
 * partitions the query touched). A query whose filter does not prune partitions reads them all.
 * A workgroup's per-query byte limit, scripted failures and cancellations end a query as Athena
 * does (with AWS's reason text); StopQueryExecution cancels one.
 *
 * The same server is the stand-in Glue Data Catalog (`X-Amz-Target: AWSGlue.GetTable`, signed
 * for service `glue`): it describes the table as Glue does, from the Parquet files' own columns
 * (names lowercased, Hive types) with `billing_period` as the partition key, unless a test gives
 * another description (`setGlueTable`) to play a table Cairn cannot read.
 */
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { checkSigV4 } from "./sigv4";

export interface FakeAthenaOptions {
  /** Folder holding `billing_period=YYYY-MM/` sub-folders of Parquet files. */
  root: string;
  /** Glue `database.table` the SQL names. */
  table: string;
  secretAccessKey: string;
  /** Per-query byte limits by workgroup (the workgroup's BytesScannedCutoffPerQuery). */
  bytesLimit?: Record<string, number>;
}

export interface GlueShape {
  columns: { Name: string; Type: string }[];
  partitionKeys: { Name: string; Type: string }[];
}

export type QueryState = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export interface FakeQuery {
  id: string;
  sql: string;
  workgroup: string;
  outputLocation: string;
  bytesScanned: number;
  /** Billing periods whose files the query read. */
  partitions: string[];
  state: QueryState;
  reason?: string;
  /** Rows of the answer (without the header), once it succeeded. */
  rows?: number;
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
  /** Every operation received, in order (`StartQueryExecution`, `GetQueryResults`...). */
  operations: string[];
  /** The next query (or the one after `skip` more) ends this way instead of succeeding. */
  failNext: (state: "FAILED" | "CANCELLED", reason: string, skip?: number) => void;
  /** Bytes of each partition folder. */
  partitionBytes: () => Map<string, number>;
  /** Glue's description of the table (null: the table does not exist), until set again. */
  setGlueTable: (shape: GlueShape | null) => void;
  /** The description Glue gives by default (the Parquet files' columns). */
  glueTable: () => Promise<GlueShape>;
  close: () => Promise<void>;
}

/** AWS's words when a workgroup's data usage control cancels a query. */
export const BYTES_LIMIT_REASON = "Query cancelled! : Bytes scanned limit was exceeded";

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

/** DuckDB's types as Glue (Hive) names them. */
function hiveType(duck: string): string {
  const t = duck.toUpperCase();
  if (t === "VARCHAR") return "string";
  if (t === "DOUBLE") return "double";
  if (t === "BIGINT") return "bigint";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  const map = /^MAP\((\w+), (\w+)\)$/.exec(t);
  if (map) return `map<${hiveType(map[1] as string)},${hiveType(map[2] as string)}>`;
  return t.toLowerCase();
}

const cell = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

export async function startFakeAthena(options: FakeAthenaOptions): Promise<FakeAthena> {
  const root = resolve(options.root);
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  // No caching of file contents between queries: each query reads (and is measured reading) the
  // data it needs, as Athena reads S3 anew for every query. Parquet footers stay cached: DuckDB
  // reads the first file's footer for the table's columns, which Athena takes from Glue instead.
  await duck.run("SET enable_external_file_cache = false");
  await duck.run("SET parquet_metadata_cache = true");
  const [schema, table] = options.table.split(".") as [string, string];
  await duck.run(`CREATE SCHEMA "${schema}"`);
  await duck.run(`CREATE VIEW "${schema}"."${table}" AS SELECT * FROM read_parquet('${root}/*/*.parquet',
    hive_partitioning = true, hive_types = {'billing_period': VARCHAR})`);
  await duck.run("CALL enable_logging('FileSystem')");
  const executions = new Map<string, Execution>();
  const queries: FakeQuery[] = [];
  const violations: string[] = [];
  const operations: string[] = [];
  let failure: { state: "FAILED" | "CANCELLED"; reason: string; skip: number } | null = null;
  let glueOverride: GlueShape | null | undefined;
  async function describeTable(): Promise<GlueShape> {
    const described = await duck.runAndReadAll(`DESCRIBE "${schema}"."${table}"`);
    const rows = described.getRowsJson() as string[][];
    const columns = rows
      .filter((r) => r[0] !== "billing_period")
      .map((r) => ({ Name: (r[0] as string).toLowerCase(), Type: hiveType(r[1] as string) }));
    return { columns, partitionKeys: [{ Name: "billing_period", Type: "string" }] };
  }
  let counter = 0;
  // One query at a time on the connection, so each one's file log is its own.
  let queue: Promise<void> = Promise.resolve();

  /** Runs `sql`; returns its answer and the partition files it read data from. */
  async function execute(sql: string) {
    await duck.run("CALL truncate_duckdb_logs()");
    const reader = await duck.runAndReadAll(sql);
    const log = await duck.runAndReadAll(
      "SELECT DISTINCT path FROM duckdb_logs_parsed('FileSystem') WHERE op = 'READ' AND path IS NOT NULL",
    );
    const files = (log.getRowsJson() as string[][]).map((r) => r[0] as string).filter((p) => p.startsWith(root));
    return { reader, files };
  }

  function start(sql: string, workgroup: string, outputLocation: string): Execution {
    const id = `q-${String(++counter).padStart(4, "0")}-${Date.now().toString(36)}`;
    const e: Execution = {
      id,
      sql,
      workgroup,
      outputLocation,
      bytesScanned: 0,
      partitions: [],
      state: "QUEUED",
      polls: 0,
      done: Promise.resolve(),
    };
    let scripted: typeof failure = null;
    if (failure && failure.skip > 0) failure.skip -= 1;
    else {
      scripted = failure;
      failure = null;
    }
    e.done = queue = queue.then(async () => {
      try {
        const { reader, files } = await execute(sql);
        e.bytesScanned = files.reduce((s, f) => s + statSync(f).size, 0);
        e.partitions = [...new Set(files.map((f) => /billing_period=([^/]+)/.exec(f)?.[1] ?? f))].sort();
        const rows = reader.getRowsJson() as unknown[][];
        e.result = {
          columns: reader.columnNames(),
          types: reader.columnTypes().map((t) => String(t).toLowerCase()),
          rows: rows.map((r) => r.map(cell)),
        };
        e.rows = rows.length;
      } catch (error) {
        e.error = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
      }
      const limit = options.bytesLimit?.[workgroup];
      if (scripted) {
        e.state = scripted.state;
        e.reason = scripted.reason;
        e.result = undefined;
      } else if (limit !== undefined && e.bytesScanned > limit) {
        // Athena stops the scan at the limit: what it read until then is what it reports (and bills).
        e.state = "CANCELLED";
        e.reason = BYTES_LIMIT_REASON;
        e.bytesScanned = limit;
        e.result = undefined;
      }
    });
    executions.set(id, e);
    queries.push(e);
    return e;
  }

  /** Advances a query one step per poll: QUEUED, then RUNNING, then its end. */
  async function poll(e: Execution): Promise<void> {
    e.polls += 1;
    if (e.state === "FAILED" || e.state === "CANCELLED" || e.state === "SUCCEEDED") return;
    if (e.polls === 1) return;
    if (e.state === "QUEUED") {
      e.state = "RUNNING";
      return;
    }
    await e.done;
    if (e.state !== "RUNNING") return;
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
      if (auth.ok && auth.service === "glue" && target.startsWith("AWSGlue.")) {
        const op = target.slice("AWSGlue.".length);
        operations.push(`glue:${op}`);
        const body = JSON.parse(raw.toString() || "{}") as { DatabaseName?: string; Name?: string };
        if (op !== "GetTable") {
          return send(400, { __type: "InvalidInputException", Message: `unsupported ${op}` }, "InvalidInputException");
        }
        const shape = glueOverride === undefined ? await describeTable() : glueOverride;
        if (shape === null || body.DatabaseName !== schema || body.Name !== table) {
          const m = `Table ${body.Name} not found.`;
          return send(400, { __type: "EntityNotFoundException", Message: m }, "EntityNotFoundException");
        }
        return send(200, {
          Table: {
            Name: table,
            DatabaseName: schema,
            TableType: "EXTERNAL_TABLE",
            StorageDescriptor: { Columns: shape.columns, Location: `s3://cairn-focus-export/${table}/` },
            PartitionKeys: shape.partitionKeys,
          },
        });
      }
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
      operations.push(op);
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
      if (op === "StopQueryExecution") {
        if (e.state === "QUEUED" || e.state === "RUNNING") {
          e.state = "CANCELLED";
          e.reason = "Query was cancelled by user";
        }
        return send(200, {});
      }
      if (op === "GetQueryExecution") {
        await poll(e);
        const status: Record<string, unknown> = { State: e.state };
        if (e.reason) {
          status.StateChangeReason = e.reason;
          status.AthenaError = { ErrorCategory: e.state === "FAILED" ? 2 : 1, ErrorType: 1000, ErrorMessage: e.reason };
        }
        return send(200, {
          QueryExecution: {
            QueryExecutionId: e.id,
            Query: e.sql,
            StatementType: "DML",
            WorkGroup: e.workgroup,
            ResultConfiguration: { OutputLocation: `${e.outputLocation}${e.id}.csv` },
            Status: status,
            Statistics: {
              DataScannedInBytes: e.state === "QUEUED" || e.state === "RUNNING" ? 0 : e.bytesScanned,
              EngineExecutionTimeInMillis: 1,
            },
          },
        });
      }
      if (op === "GetQueryResults") {
        if (e.state !== "SUCCEEDED" || !e.result) {
          return invalid(`Query has not yet finished. Current state: ${e.state}`);
        }
        const max = Math.min(1000, Number(body.MaxResults ?? 1000));
        const offset = body.NextToken ? Number(body.NextToken) : 0;
        // Row 0 is the header: the columns' names, as Athena sends them on the first page only.
        const all = [e.result.columns, ...e.result.rows];
        const page = all.slice(offset, offset + max);
        const next = offset + max < all.length ? String(offset + max) : undefined;
        return send(200, {
          ResultSet: {
            Rows: page.map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
            ResultSetMetadata: {
              ColumnInfo: e.result.columns.map((name, i) => ({
                CatalogName: "hive",
                Name: name,
                Label: name,
                Type: e.result?.types[i] ?? "varchar",
                Nullable: "UNKNOWN",
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
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    queries,
    violations,
    operations,
    failNext: (state, reason, skip = 0) => {
      failure = { state, reason, skip };
    },
    partitionBytes: () => partitionSizes(root),
    setGlueTable: (shape) => {
      glueOverride = shape;
    },
    glueTable: describeTable,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await queue.catch(() => undefined);
      duck.closeSync();
      instance.closeSync();
    },
  };
}
