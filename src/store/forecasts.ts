/** Writes month-end forecasts; each collection adds one, the newest of a month is the one shown. */
import { forecasts } from "./schema/index";
import { readDb, type Store } from "./store";

export type NewForecast = typeof forecasts.$inferInsert;

export async function insertForecast(store: Store, forecast: NewForecast): Promise<void> {
  await readDb(store).insert(forecasts).values(forecast);
}
