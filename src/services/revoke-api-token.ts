/** Revokes the API token(s) of a name. Used by `cairn token rm`. */
import { z } from "zod";
import { removeApiToken } from "../store/api-tokens";
import { recordAudit } from "../store/audit-log";
import type { Store } from "../store/store";
import { tokenNameField } from "./add-api-token";
import { parseInput, ServiceInputError } from "./errors";
import { actorField } from "./fields";

export const revokeApiTokenInput = z.object({ name: tokenNameField, actor: actorField });

export async function revokeApiTokenService(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof revokeApiTokenInput>,
): Promise<number> {
  const { name, actor } = parseInput(revokeApiTokenInput, raw);
  const removed = await removeApiToken(deps.store, name);
  if (removed === 0) throw new ServiceInputError("name", `no token named ${JSON.stringify(name)}`);
  await recordAudit(
    deps.store,
    { actor, action: "revoke-api-token", subject: name, detail: { removed } },
    deps.now().toISOString(),
  );
  return removed;
}
