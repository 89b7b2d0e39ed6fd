/**
 * Adds a dashboard user, or sets the role and password of an existing one (a reset ends their
 * sessions and API tokens: see store/users.ts). The password is checked and hashed here and never
 * recorded. Used by `cairn user add`.
 */
import { z } from "zod";
import { hashPassword, passwordProblem } from "../auth/password";
import { recordAudit } from "../store/audit-log";
import type { Store } from "../store/store";
import { normaliseEmail, ROLES, type Role, saveUser } from "../store/users";
import { parseInput } from "./errors";
import { actorField } from "./fields";

export const emailField = z
  .string()
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/, "must be an email address")
  .max(320, "is too long")
  .transform(normaliseEmail);

export const saveUserInput = z.object({
  email: emailField,
  role: z.enum(ROLES as [Role, ...Role[]], { message: "must be admin or viewer" }),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  actor: actorField,
});

export async function saveUserService(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof saveUserInput>,
): Promise<number> {
  const { email, role, password, actor } = parseInput(saveUserInput, raw);
  const at = deps.now().toISOString();
  const id = await saveUser(deps.store, { email, role, passwordHash: await hashPassword(password) }, at);
  await recordAudit(deps.store, { actor, action: "save-user", subject: email, detail: { role } }, at);
  return id;
}
