/**
 * The recorded kind of a failed FOCUS import (collection_runs.error_kind), so pages and emails
 * can say what it means in the reader's language (src/format/collect-error-words.ts): a damaged
 * file, a file that is not FOCUS, an import refused (too many bad rows), or AWS's own refusal
 * while reading S3 (credentials, access, network), read the way the collectors read it.
 */
import { describeFailure } from "../../collectors/cost-explorer/errors";
import { DamagedFileError } from "../../collectors/focus/damaged-file";
import { FocusFileError } from "../../collectors/focus/scan-rows";
import type { CollectErrorKind } from "../format/collect-error-words";

export function importFailureKind(error: unknown): CollectErrorKind {
  if (error instanceof DamagedFileError) return "damaged-file";
  if (error instanceof FocusFileError) return "not-focus";
  // Defined in ./import-focus.ts, which imports this file: matched by name, not by class.
  if ((error as Error | null)?.name === "ImportRefusedError") return "import-refused";
  const e = (error as { name?: string; code?: string } | null) ?? {};
  if (e.code === "ENOENT" || e.name === "NoSuchBucket") return "export-not-found";
  // S3 speaks AWS's error names too: the same reading as Cost Explorer's (only the kind is kept).
  const kind = describeFailure(error, "GetObject").kind;
  return kind === "request-changed" || kind === "bill-expired" || kind === "no-data" ? "other" : kind;
}
