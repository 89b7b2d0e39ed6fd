/**
 * A local SES v2 endpoint on 127.0.0.1 speaking SES's REST JSON protocol
 * (POST /v2/email/outbound-emails), checking each request's SigV4 signature with the secret
 * key. It keeps what it received; `GET /_received` answers that list as JSON, so tests that
 * run elsewhere (workerd) can read it over HTTP.
 */
import { createServer, type IncomingMessage } from "node:http";
import { checkSigV4 } from "./sigv4";

export interface SesReceived {
  method: string;
  url: string;
  body: Record<string, unknown>;
  auth: ReturnType<typeof checkSigV4>;
}

/** What the endpoint answers next: success, or SES's MessageRejected. */
export type SesMode = "ok" | "rejected";

export interface FakeSes {
  endpoint: string;
  received: SesReceived[];
  setMode(mode: SesMode): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeSes(options: { secretAccessKey: string }): Promise<FakeSes> {
  let mode: SesMode = "ok";
  const received: SesReceived[] = [];
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method === "GET" && req.url === "/_received") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(received));
      return;
    }
    const auth = checkSigV4(req.method ?? "", req.url ?? "", req.headers, raw, options.secretAccessKey);
    received.push({
      method: req.method ?? "",
      url: req.url ?? "",
      body: JSON.parse(raw.toString("utf8") || "{}"),
      auth,
    });
    if (!auth.ok) {
      res.writeHead(403, { "content-type": "application/json", "x-amzn-errortype": "SignatureDoesNotMatch" });
      res.end(JSON.stringify({ message: auth.reason }));
      return;
    }
    if (req.method !== "POST" || req.url !== "/v2/email/outbound-emails") {
      res.writeHead(404, { "content-type": "application/json", "x-amzn-errortype": "NotFoundException" });
      res.end(JSON.stringify({ message: "no such resource" }));
      return;
    }
    if (mode === "rejected") {
      res.writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "MessageRejected" });
      res.end(JSON.stringify({ message: "Email address is not verified." }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ MessageId: `local-${received.length}` }));
  });
  const endpoint = await new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      resolve(typeof a === "object" && a ? `http://127.0.0.1:${a.port}` : "");
    }),
  );
  return {
    endpoint,
    received,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (the SDK's, workerd's) would hold close() open.
        server.closeAllConnections();
      }),
  };
}
