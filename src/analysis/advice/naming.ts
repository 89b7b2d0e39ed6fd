/**
 * Whether a finding names a resource. Findings name instances, functions, clusters and buckets
 * by their short id; FOCUS names them by id or ARN (`arn:aws:lambda:...:function:probe`). Pure.
 */
import type { Finding } from "./types";

export function findingNames(finding: Pick<Finding, "resource">, resourceId: string): boolean {
  const r = finding.resource;
  if (r === "") return false;
  return resourceId === r || resourceId.endsWith(`:${r}`) || resourceId.endsWith(`/${r}`);
}
