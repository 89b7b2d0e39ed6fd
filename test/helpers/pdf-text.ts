/**
 * Reads a PDF's text and page count with poppler's pdftotext and pdfinfo (Debian's
 * poppler-utils). Where they are missing, outside CI, the PDF's text checks are skipped with a
 * message (the rest of each test still runs); in CI (`CI=true`, where .ci/run installs them)
 * their absence fails the test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const available = ["pdftotext", "pdfinfo"].every((tool) => spawnSync(tool, ["-v"]).error === undefined);
let warned = false;

/** The PDF's text and pages, or null when poppler-utils is missing outside CI. */
export function readPdf(pdf: Uint8Array): { text: string; pages: number } | null {
  if (!available) {
    if (process.env.CI === "true") throw new Error("pdftotext/pdfinfo missing: apt-get install poppler-utils");
    if (!warned)
      console.warn("poppler-utils is not installed: the PDF text checks are skipped (apt-get install poppler-utils)");
    warned = true;
    return null;
  }
  const file = join(mkdtempSync(join(tmpdir(), "cairn-pdf-")), "report.pdf");
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  return { text: execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }), pages };
}
