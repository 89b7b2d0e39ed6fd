/**
 * How pages call a service (src/services): the form's fields as typed go to the service, which
 * checks them with its own schema; a refusal (ServiceInputError) comes back to the page, which
 * shows it beside the field with what was typed (form-errors.tsx).
 */
import type { Context } from "hono";

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
