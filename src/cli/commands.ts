/** Every `cairn` verb, in the order `cairn --help` lists them. */
import type { Command } from "./command";

export const COMMANDS: Command[] = [];
