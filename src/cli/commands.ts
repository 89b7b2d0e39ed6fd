/** Every `cairn` verb, in the order `cairn --help` lists them. */
import { alertsCommand } from "./alerts";
import { budgetCommand } from "./budget";
import { collectCommand } from "./collect";
import type { Command } from "./command";
import { estimateCommand } from "./estimate";
import { tokenCommand } from "./token";
import { userCommand } from "./user";

export const COMMANDS: Command[] = [collectCommand, estimateCommand, budgetCommand, alertsCommand, userCommand, tokenCommand];
