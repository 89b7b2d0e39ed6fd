/**
 * Builds the `cairn` bundle once per test run (src/build-node.ts, the same esbuild build
 * production runs), for the tests that run `cairn` as a child process. Started through tsx
 * (src/bin.js) every process transpiles the sources again: measured on a loaded two-core
 * machine, 7 s per `cairn budget list` against 0.9 s for the bundle, and a CLI test runs dozens
 * of them. The bundle is built from the current sources, so the tests still see every edit;
 * one test (cli.test.ts) keeps starting src/bin.js so the development entry point stays covered.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { buildNode } from "../../src/build-node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The path of this run's compiled `cairn` (cairn.js). */
    cairnBundle: string;
  }
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export default async function setup(project: TestProject): Promise<() => void> {
  // Inside the project, as dist/node is: the bundle's npm packages resolve from node_modules.
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const out = mkdtempSync(join(ROOT, "dist", "test-bundle-"));
  project.provide("cairnBundle", await buildNode(out));
  return () => rmSync(out, { recursive: true, force: true });
}
