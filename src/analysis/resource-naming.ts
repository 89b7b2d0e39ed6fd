/**
 * Whether a name written elsewhere (a finding's resource, an upkeep entry's resource) names a
 * given resource. Findings and people write short ids (`i-0abc`, `aarc-probes`, a function's
 * name); FOCUS and Cost Explorer name resources by id or ARN
 * (`arn:aws:lambda:eu-west-3:1111:function:probe`). Pure.
 */

/** The last segment of an ARN (after its last `:` or `/`), or the id itself. */
export function shortResourceId(resourceId: string): string {
  const cut = Math.max(resourceId.lastIndexOf(":"), resourceId.lastIndexOf("/"));
  return cut === -1 ? resourceId : resourceId.slice(cut + 1);
}

export function namesResource(name: string, resourceId: string): boolean {
  const n = name.trim();
  if (n === "" || resourceId === "") return false;
  return resourceId === n || resourceId.endsWith(`:${n}`) || resourceId.endsWith(`/${n}`);
}

/**
 * Whether a finding names the resource: as its own resource, or in one of its evidence
 * sentences (a short id long enough not to be a common word, written as a whole token).
 */
export function findingNamesResource(
  finding: { resource: string; evidence: readonly string[] },
  resourceId: string,
): boolean {
  if (namesResource(finding.resource, resourceId)) return true;
  const short = shortResourceId(resourceId);
  if (short.length < 6) return false;
  const token = new RegExp(`(^|[^\\w.-])${short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w-])`);
  return finding.evidence.some((e) => e.includes(resourceId) || token.test(e));
}
