/**
 * How the CLI calls a service (src/services): invalid input is a usage error (exit 2), a refusal
 * a failure (exit 1), each naming the field.
 */
import { ServiceInputError } from "../services/errors";
import { CliFailure, UsageError } from "./command";

/** The actor the audit log records for changes made from the command line. */
export const CLI_ACTOR = "command line";

export async function asCli<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ServiceInputError) {
      const message = `${error.field}: ${error.message}`;
      throw error.kind === "invalid" ? new UsageError(message) : new CliFailure(message);
    }
    throw error;
  }
}
