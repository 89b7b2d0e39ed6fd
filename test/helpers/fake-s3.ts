/**
 * An S3 on 127.0.0.1 speaking the real REST XML protocol for the two calls an import makes:
 * ListObjectsV2 (`GET /bucket?list-type=2`, paginated by `max-keys` and continuation tokens)
 * and GetObject (`GET /bucket/key`), path-style. Requests must be SigV4-signed for service s3.
 * Objects carry an MD5 ETag and a LastModified the test sets, and every request is logged so a
 * test can see which objects were read.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeObject {
  body: Buffer;
  lastModified: Date;
  etag: string;
}

export interface LoggedS3Request {
  operation: "ListObjectsV2" | "GetObject" | "other";
  bucket: string;
  key: string;
  status: number;
}

export interface FakeS3 {
  endpoint: string;
  requests: LoggedS3Request[];
  put: (bucket: string, key: string, body: Buffer | string, lastModified: Date) => void;
  close: () => Promise<void>;
}

const escapeXml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/xml", ...headers });
  res.end(body);
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
}

export async function startFakeS3(options: { pageSize?: number } = {}): Promise<FakeS3> {
  const pageSize = options.pageSize ?? 1000;
  const buckets = new Map<string, Map<string, FakeObject>>();
  const requests: LoggedS3Request[] = [];

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, bucket = "", ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const log = (operation: LoggedS3Request["operation"], status: number) =>
      requests.push({ operation, bucket, key, status });
    const auth = req.headers.authorization ?? "";
    if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[\w-]+\/s3\/aws4_request/.test(auth)) {
      log("other", 403);
      send(res, 403, errorXml("AccessDenied", "missing or malformed SigV4 signature"));
      return;
    }
    const objects = buckets.get(bucket);
    if (!objects) {
      log("other", 404);
      send(res, 404, errorXml("NoSuchBucket", `no bucket ${bucket}`));
      return;
    }
    if (req.method === "GET" && key === "" && url.searchParams.get("list-type") === "2") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const max = Math.min(pageSize, Number(url.searchParams.get("max-keys") ?? 1000));
      const after = url.searchParams.get("continuation-token") ?? "";
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
      const page = keys.slice(0, max);
      const truncated = keys.length > page.length;
      const contents = page
        .map((k) => {
          const o = objects.get(k) as FakeObject;
          return `<Contents><Key>${escapeXml(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>&quot;${o.etag}&quot;</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
        })
        .join("");
      const next = truncated ? `<NextContinuationToken>${escapeXml(page.at(-1) ?? "")}</NextContinuationToken>` : "";
      log("ListObjectsV2", 200);
      send(
        res,
        200,
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
      );
      return;
    }
    if (req.method === "GET" && key !== "") {
      const o = objects.get(key);
      if (!o) {
        log("GetObject", 404);
        send(res, 404, errorXml("NoSuchKey", `no key ${key}`));
        return;
      }
      log("GetObject", 200);
      send(res, 200, o.body, {
        "content-type": "application/octet-stream",
        "content-length": String(o.body.length),
        etag: `"${o.etag}"`,
        "last-modified": o.lastModified.toUTCString(),
      });
      return;
    }
    log("other", 400);
    send(res, 400, errorXml("NotImplemented", `${req.method} ${req.url} is not supported by the fake`));
    return;
  }

  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    put(bucket, key, body, lastModified) {
      const data = typeof body === "string" ? Buffer.from(body) : body;
      const objects = buckets.get(bucket) ?? new Map<string, FakeObject>();
      objects.set(key, { body: data, lastModified, etag: createHash("md5").update(data).digest("hex") });
      buckets.set(bucket, objects);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
