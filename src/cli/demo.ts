import { writeDemoStory } from "../jobs/demo-story";
import { loadDemo } from "../jobs/load-demo";
import type { Command } from "./command";

export const demoCommand: Command = {
  name: "demo",
  summary: "Load the deterministic demo dataset (a fictional alpine research association)",
  usage: `Usage: cairn demo

Writes 14 months of daily cost lines up to yesterday for a fictional alpine research
association (two accounts, three pipelines), with carbon estimates, budgets and matching
metrics, into CAIRN_DB; then runs the report and alert jobs over it, so the archive holds the
last weekly and monthly reports and the alerts the story raised (addressed to a reserved
.invalid address, delivered nowhere). Running it again replaces the demo data; it refuses a database that
holds collected data, so use another CAIRN_DB to try the demo beside real figures.`,
  options: {},
  async run(ctx) {
    const store = ctx.openStore();
    const result = await loadDemo({ store, now: ctx.now, estimate: ctx.services.estimate }, { onlyIfEmpty: false });
    const story = await writeDemoStory({ store, now: ctx.now, renderers: ctx.services.reportRenderers }, ctx.config);
    ctx.out(
      `Loaded the demo dataset into ${ctx.config.CAIRN_DB}: ${result.lines} cost lines, ${result.budgets} budgets; archived the reports ${story.reports.join(" and ")} and ${story.alerts} alert message(s) of the demo's story (delivered nowhere).`,
    );
    return 0;
  },
};
