/**
 * The pipelines, services and accounts Cairn has seen in the last 400 days: what a budget's
 * scope can be chosen from (the form's suggestions, and the check that a typed value exists).
 */
import { addDays } from "../../days";
import { readDb, type Store } from "../store";
import { dimensionMenus } from "./costs";

export interface ScopeChoices {
  pipeline: string[];
  service: string[];
  account: string[];
}

export async function scopeChoices(store: Store, today: string): Promise<ScopeChoices> {
  const menus = await dimensionMenus(readDb(store), { from: addDays(today, -400), to: addDays(today, 1) });
  return { pipeline: menus.pipeline, service: menus.service, account: menus.account };
}
