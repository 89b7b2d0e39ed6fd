/** Removes a dashboard user with their sessions and API tokens. Used by `cairn user rm`. */
import { z } from "zod";
import { recordAudit } from "../store/audit-log";
import type { Store } from "../store/store";
import { removeUser } from "../store/users";
import { parseInput, ServiceInputError } from "./errors";
import { actorField } from "./fields";
import { emailField } from "./save-user";

export const removeUserInput = z.object({ email: emailField, actor: actorField });

export async function removeUserService(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof removeUserInput>,
): Promise<void> {
  const { email, actor } = parseInput(removeUserInput, raw);
  if (!(await removeUser(deps.store, email))) throw new ServiceInputError("email", `no user ${email}`);
  await recordAudit(deps.store, { actor, action: "remove-user", subject: email }, deps.now().toISOString());
}
