import type { Command } from "./command";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Create or upgrade the database to this version's schema",
  usage: `Usage: cairn migrate

Applies the committed migrations to the database named by CAIRN_DB (default ./data/cairn.db).
Every command does this on start; this verb does only that, for deploy scripts.
A file that is not a Cairn database, or one written by a newer Cairn, is refused untouched.`,
  options: {},
  async run(ctx) {
    ctx.openStore();
    ctx.out(`Database ${ctx.config.CAIRN_DB} is up to date.`);
    return 0;
  },
};
