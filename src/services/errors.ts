/**
 * A service operation refused its input: `field` names what to fix (pages turn it into a 400).
 * `invalid` input broke the schema (the CLI's usage error, exit 2); a `refused` one was well
 * formed but the state says no (nothing to remove, a fixed past month: exit 1).
 */
export class ServiceInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly kind: "invalid" | "refused" = "refused",
  ) {
    super(message);
    this.name = "ServiceInputError";
  }
}

/** Parses with a zod schema; the first issue becomes a ServiceInputError naming its field. */
export function parseInput<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ServiceInputError(String(issue?.path[0] ?? "input"), issue?.message ?? "invalid", "invalid");
}
