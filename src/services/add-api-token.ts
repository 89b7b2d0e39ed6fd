/**
 * Creates an API token acting as a user (with their role). The token is returned once; only its
 * hash is stored and nothing of it is audited. Used by `cairn token add`.
 */
import { z } from "zod";
import { newApiToken } from "../auth/tokens";
import { insertApiToken } from "../store/api-tokens";
import { recordAudit } from "../store/audit-log";
import type { Store } from "../store/store";
import { findUserByEmail, type Role } from "../store/users";
import { parseInput, ServiceInputError } from "./errors";
import { actorField } from "./fields";
import { emailField } from "./save-user";

export const tokenNameField = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

export const addApiTokenInput = z.object({ name: tokenNameField, userEmail: emailField, actor: actorField });

export async function addApiTokenService(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof addApiTokenInput>,
): Promise<{ value: string; email: string; role: Role }> {
  const { name, userEmail, actor } = parseInput(addApiTokenInput, raw);
  const user = await findUserByEmail(deps.store, userEmail);
  if (!user) throw new ServiceInputError("userEmail", `no user ${userEmail}: add one with \`cairn user add\``);
  const token = await newApiToken();
  const at = deps.now().toISOString();
  await insertApiToken(deps.store, { userId: user.id, name, tokenHash: token.hash }, at);
  await recordAudit(deps.store, { actor, action: "add-api-token", subject: name, detail: { user: user.email } }, at);
  return { value: token.value, email: user.email, role: user.role };
}
