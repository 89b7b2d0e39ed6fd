/** Every `cairn` verb, in the order `cairn --help` lists them. */
import { adviseCommand } from "./advise";
import { alertsCommand } from "./alerts";
import { budgetCommand } from "./budget";
import { collectCommand } from "./collect";
import type { Command } from "./command";
import { estimateCommand } from "./estimate";
import { exportCommand } from "./export";
import { fxCommand } from "./fx";
import { importCommand } from "./import";
import { incidentsCommand } from "./incidents";
import { reportCommand } from "./report";
import { sourcesCommand } from "./sources";
import { tokenCommand } from "./token";
import { upkeepCommand } from "./upkeep";
import { userCommand } from "./user";

export const COMMANDS: Command[] = [
  collectCommand,
  estimateCommand,
  budgetCommand,
  alertsCommand,
  incidentsCommand,
  adviseCommand,
  upkeepCommand,
  userCommand,
  tokenCommand,
  importCommand,
  sourcesCommand,
  exportCommand,
  reportCommand,
  fxCommand,
];
