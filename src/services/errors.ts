/**
 * A service operation refused its input: `field` names what to fix (pages turn it into a 400).
 * `invalid` input broke the schema (the CLI's usage error, exit 2); a `refused` one was well
 * formed but the state says no (nothing to remove, a fixed past month: exit 1). With a `key`
 * (see error-words.ts) pages show the reader's language; the message is the English text the
 * command line prints. `issues` holds every field's problem when several were found at once.
 */
import { isServiceErrorKey, type ServiceErrorKey, serviceErrorText } from "./error-words";

export interface FieldIssue {
  field: string;
  message: string;
  key?: ServiceErrorKey;
  params?: Record<string, string>;
}

export class ServiceInputError extends Error {
  readonly issues: FieldIssue[];
  constructor(
    readonly field: string,
    message: string,
    readonly kind: "invalid" | "refused" = "refused",
    readonly key?: ServiceErrorKey,
    readonly params: Record<string, string> = {},
    others: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ServiceInputError";
    this.issues = [{ field, message, ...(key ? { key } : {}), params }, ...others];
  }
}

/** An error in both languages: the English message from the key, the key for pages. */
export function inputError(
  field: string,
  key: ServiceErrorKey,
  params: Record<string, string> = {},
  kind: "invalid" | "refused" = "invalid",
): ServiceInputError {
  return new ServiceInputError(field, serviceErrorText(key, params), kind, key, params);
}

function toIssue(issue: { path: PropertyKey[]; message: string; params?: unknown }): FieldIssue {
  const field = String(issue.path[0] ?? "input");
  if (!isServiceErrorKey(issue.message)) return { field, message: issue.message };
  const params = (issue.params ?? {}) as Record<string, string>;
  return { field, key: issue.message, params, message: serviceErrorText(issue.message, params) };
}

/**
 * Parses with a zod schema. A failure becomes a ServiceInputError naming the first field, with
 * the first problem of every field in `issues`. A zod message that is a key of error-words.ts
 * is carried as that key (translated by pages); any other message is English text as is.
 */
export function parseInput<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw errorFromIssues(result.error.issues);
}

/** The first problem of each field, the first field's being the error's own. */
export function errorFromIssues(
  raw: readonly { path: PropertyKey[]; message: string; params?: unknown }[],
): ServiceInputError {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const one of raw) {
    const issue = toIssue(one);
    if (seen.has(issue.field)) continue;
    seen.add(issue.field);
    issues.push(issue);
  }
  const [first, ...others] = issues;
  if (!first) return new ServiceInputError("input", "invalid", "invalid");
  return new ServiceInputError(first.field, first.message, "invalid", first.key, first.params, others);
}
