/** `cairn user add|list|rm`: the dashboard's users and their roles. */
import { passwordProblem } from "../auth/password";
import { removeUserService } from "../services/remove-user";
import { emailField, saveUserService } from "../services/save-user";
import { listUsers, normaliseEmail, ROLES, type Role } from "../store/users";
import { CliFailure, type Command, UsageError } from "./command";
import { promptHidden, readAllStdin } from "./read-secret";
import { asCli, CLI_ACTOR } from "./service-call";

export const userCommand: Command = {
  name: "user",
  summary: "Manage dashboard users: add (or reset), list, rm",
  usage: `Usage: cairn user add EMAIL --role admin|viewer [--password-stdin]
       cairn user list
       cairn user rm EMAIL

  add     creates the user, or sets the role and password of an existing one. The password
          (at least 12 characters) is asked twice on the terminal, never echoed; with
          --password-stdin it is read from standard input instead (for scripts).
  list    prints every user with their role.
  rm      removes the user, their sessions and API tokens.

Roles: viewer reads everything; admin also edits budgets and settings and starts collections.`,
  options: { role: { type: "string" }, "password-stdin": { type: "boolean" } },
  positionals: true,
  async run(ctx, values, positionals) {
    const [verb, email, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
    const store = ctx.openStore();
    if (verb === "list") {
      const users = await listUsers(store);
      if (users.length === 0) ctx.out("No users yet: add one with `cairn user add EMAIL --role admin`.");
      for (const u of users) ctx.out(`${u.email}\t${u.role}\tsince ${u.createdAt.slice(0, 10)}`);
      return 0;
    }
    if (verb === "rm") {
      if (!email) throw new UsageError("cairn user rm needs the EMAIL");
      await asCli(() => removeUserService({ store, now: ctx.now }, { email, actor: CLI_ACTOR }));
      ctx.out(`Removed ${normaliseEmail(email)} with their sessions and tokens.`);
      return 0;
    }
    if (verb !== "add") throw new UsageError(`unknown action ${JSON.stringify(verb ?? "")}: use add, list or rm`);
    // Checked before asking for a password, with the service's own rule.
    if (!email || !emailField.safeParse(email).success)
      throw new UsageError(`cairn user add needs an EMAIL, got ${JSON.stringify(email ?? "")}`);
    const role = values.role;
    if (typeof role !== "string" || !ROLES.includes(role as Role)) {
      throw new UsageError(`--role must be admin or viewer, got ${JSON.stringify(role ?? "(none)")}`);
    }
    let password: string;
    if (values["password-stdin"] === true) {
      password = await readAllStdin(process.stdin);
    } else {
      password = await promptHidden(`Password for ${email}: `, process.stdin, process.stderr);
      const again = await promptHidden("Again: ", process.stdin, process.stderr);
      if (again !== password) throw new CliFailure("the two passwords differ; nothing was changed");
    }
    const problem = passwordProblem(password);
    if (problem) throw new CliFailure(`the password ${problem}; nothing was changed`);
    await asCli(() =>
      saveUserService({ store, now: ctx.now }, { email, role: role as Role, password, actor: CLI_ACTOR }),
    );
    ctx.out(`Saved ${normaliseEmail(email)} as ${role}.`);
    return 0;
  },
};
