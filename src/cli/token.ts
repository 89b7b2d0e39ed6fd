/** `cairn token add|list|rm`: API tokens for scripts calling /api/v1 (Authorization: Bearer). */
import { addApiTokenService } from "../services/add-api-token";
import { revokeApiTokenService } from "../services/revoke-api-token";
import { listApiTokens } from "../store/api-tokens";
import { type Command, UsageError } from "./command";
import { asCli, CLI_ACTOR } from "./service-call";

export const tokenCommand: Command = {
  name: "token",
  summary: "Manage API tokens for /api/v1 scripts: add, list, rm",
  usage: `Usage: cairn token add NAME --user EMAIL
       cairn token list
       cairn token rm NAME

  add     creates a token acting as that user (with their role) and prints it once; only its
          hash is kept. Use it as: curl -H "Authorization: Bearer TOKEN" .../api/v1/costs
  list    prints every token's name, user, creation and last use.
  rm      revokes the token(s) of that name.`,
  options: { user: { type: "string" } },
  positionals: true,
  async run(ctx, values, positionals) {
    const [verb, name, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
    const store = ctx.openStore();
    if (verb === "list") {
      const tokens = await listApiTokens(store);
      if (tokens.length === 0) ctx.out("No API tokens.");
      for (const t of tokens) {
        ctx.out(
          `${t.name}\t${t.email}\tcreated ${t.createdAt.slice(0, 10)}\tlast used ${t.lastUsedAt?.slice(0, 16) ?? "never"}`,
        );
      }
      return 0;
    }
    const deps = { store, now: ctx.now };
    if (verb === "rm") {
      if (!name) throw new UsageError("cairn token rm needs the NAME");
      const removed = await asCli(() => revokeApiTokenService(deps, { name, actor: CLI_ACTOR }));
      ctx.out(`Revoked ${removed} token(s) named ${name}.`);
      return 0;
    }
    if (verb !== "add") throw new UsageError(`unknown action ${JSON.stringify(verb ?? "")}: use add, list or rm`);
    if (!name) throw new UsageError("cairn token add needs a NAME");
    if (typeof values.user !== "string") throw new UsageError("--user EMAIL is required");
    const userEmail = values.user;
    const token = await asCli(() => addApiTokenService(deps, { name, userEmail, actor: CLI_ACTOR }));
    ctx.out(token.value);
    ctx.err(`Token ${name} acts as ${token.email} (${token.role}). It is shown only this once.`);
    return 0;
  },
};
