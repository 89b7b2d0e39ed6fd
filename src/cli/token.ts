/** `cairn token add|list|rm`: API tokens for scripts calling /api/v1 (Authorization: Bearer). */
import { newApiToken } from "../../web/auth/tokens";
import { insertApiToken, listApiTokens, removeApiToken } from "../store/api-tokens";
import { findUserByEmail, normaliseEmail } from "../store/users";
import { CliFailure, type Command, UsageError } from "./command";

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
    if (verb === "rm") {
      if (!name) throw new UsageError("cairn token rm needs the NAME");
      const removed = await removeApiToken(store, name);
      if (removed === 0) throw new CliFailure(`no token named ${JSON.stringify(name)}`);
      ctx.out(`Revoked ${removed} token(s) named ${name}.`);
      return 0;
    }
    if (verb !== "add") throw new UsageError(`unknown action ${JSON.stringify(verb ?? "")}: use add, list or rm`);
    if (!name || name.length > 100) throw new UsageError("cairn token add needs a NAME (at most 100 characters)");
    if (typeof values.user !== "string") throw new UsageError("--user EMAIL is required");
    const user = await findUserByEmail(store, values.user);
    if (!user) throw new CliFailure(`no user ${normaliseEmail(values.user)}: add one with \`cairn user add\``);
    const token = await newApiToken();
    await insertApiToken(store, { userId: user.id, name, tokenHash: token.hash }, ctx.now().toISOString());
    ctx.out(token.value);
    ctx.err(`Token ${name} acts as ${user.email} (${user.role}). It is shown only this once.`);
    return 0;
  },
};
