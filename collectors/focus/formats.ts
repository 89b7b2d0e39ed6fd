/** Which reader a FOCUS file needs, from its name (AWS names them `.csv.gz` or `.snappy.parquet`) or first bytes. */
export type FocusFormat = "csv" | "csv.gz" | "parquet";

export function formatFromName(name: string): FocusFormat | null {
  const n = name.toLowerCase();
  if (n.endsWith(".parquet")) return "parquet";
  if (n.endsWith(".csv.gz") || n.endsWith(".gz")) return "csv.gz";
  if (n.endsWith(".csv")) return "csv";
  return null;
}

/** Sniffs gzip (1f 8b) and Parquet (`PAR1`) magic bytes; anything else is read as CSV text. */
export function formatFromBytes(head: Uint8Array): FocusFormat {
  if (head[0] === 0x1f && head[1] === 0x8b) return "csv.gz";
  if (head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return "parquet";
  return "csv";
}
