/**
 * What an Athena query costs: $5 per TB of data scanned, each query rounded up to the megabyte
 * with a 10 MB minimum (AWS's pricing page; binary units, as the console shows them). Pure.
 */
const MB = 1024 * 1024;
const TB = 1024 ** 4;
export const USD_PER_TB = 5;
export const MIN_BILLED_BYTES = 10 * MB;

export function billedBytes(scannedBytes: number): number {
  return Math.max(MIN_BILLED_BYTES, Math.ceil(Math.max(0, scannedBytes) / MB) * MB);
}

export function athenaCostUsd(scannedBytes: number): number {
  return (billedBytes(scannedBytes) / TB) * USD_PER_TB;
}
