import { createServer } from "node:http";
import { CostExplorerClient, GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
const mode = process.argv[2];
const srv = createServer((req, res) => {
  let body = ""; req.on("data", (c) => (body += c)); req.on("end", () => {
    console.log("HDR", req.headers["x-amz-target"], req.headers["content-type"], String(req.headers.authorization).slice(0, 80));
    if (mode === "malformed") { res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }); res.end('{"ResultsByTime": [{"TimePeriod":'); }
    else if (mode === "truncated") { res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "500" }); res.write('{"ResultsByTime": ['); setTimeout(() => res.destroy(), 20); }
    else if (mode === "denied") { res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "AccessDeniedException" }); res.end(JSON.stringify({ __type: "AccessDeniedException", Message: "User: arn:aws:iam::123456789012:user/x is not authorized to perform: ce:GetCostAndUsage" })); }
    else if (mode === "html") { res.writeHead(502, { "content-type": "text/html" }); res.end('<html>bad gateway</html>'); }
  });
});
srv.listen(0, "127.0.0.1", async () => {
  const port = (srv.address() as any).port;
  const c = new CostExplorerClient({ region: "us-east-1", endpoint: mode === "refused" ? "http://127.0.0.1:1" : `http://127.0.0.1:${port}`, credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "s" }, maxAttempts: 2 });
  try { await c.send(new GetCostAndUsageCommand({ TimePeriod: { Start: "2026-01-01", End: "2026-01-02" }, Granularity: "DAILY", Metrics: ["UnblendedCost"] })); }
  catch (e: any) { console.log("ERR name=", e.name, "code=", e.code, "msg=", String(e.message).slice(0,200), "meta=", JSON.stringify(e.$metadata), "fault", e.$fault, "ctor", e.constructor?.name, "resp?", !!e.$response, "cause", e.cause?.code); }
  srv.close();
});
