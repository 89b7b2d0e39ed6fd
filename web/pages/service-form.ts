/**
 * How pages call a service (src/services): the form is checked with the service's own schema by
 * @hono/zod-validator, and a refused input (from the validator or from the service's rules)
 * becomes a BadParameter naming the field, which the app answers with a 400.
 */
import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import type { z } from "zod";
import { ServiceInputError } from "../../src/services/errors";
import { BadParameter } from "../api/params";

/** A form validator whose failure names the first bad field. */
export function serviceForm<T extends z.ZodType>(schema: T) {
  return zValidator("form", schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new BadParameter(String(issue?.path[0] ?? "form"), issue?.message ?? "invalid");
    }
  });
}

/** A posted form's fields as typed (what comes back with the errors), without the CSRF token. */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") fields[k] = v;
  return fields;
}

/** The actor the audit log records for a change made on the dashboard. */
export function dashboardActor(c: Context): string {
  return `dashboard:${c.get("viewer").email}`;
}

/** Runs a service call; its refusals become a 400 naming the field. */
export async function asPage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ServiceInputError) throw new BadParameter(error.field, error.message);
    throw error;
  }
}
