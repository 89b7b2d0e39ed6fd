// The bundle wrangler deploys (built offline by global-setup.ts with `wrangler deploy --dry-run`):
// no Node-only package and no `node:` import reaches it, and it stays well under 1 MiB gzip.
import { describe, expect, inject, it } from "vitest";

describe("the Worker bundle", () => {
  const bundle = inject("bundle");

  it("pulls in no Node-only package (SQLite driver, SMTP, canvas, PDF, Node server)", () => {
    expect(bundle.nodeOnlySources).toEqual([]);
  });

  it("imports no node: built-in", () => {
    expect(bundle.nodeImports).toEqual([]);
  });

  it("is under 1 MiB gzip", () => {
    expect(bundle.gzipBytes).toBeGreaterThan(10_000);
    expect(bundle.gzipBytes).toBeLessThan(1024 * 1024);
  });
});
