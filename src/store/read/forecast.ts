/** The latest month-end forecast of a month, for the dashboard overview and reports. */
import { desc, eq } from "drizzle-orm";
import type { Month } from "../../model";
import { forecasts } from "../schema/index";
import type { CairnDb } from "../store";

export interface MonthForecast {
  month: Month;
  /** `aws`: Cost Explorer's GetCostForecast; `cairn`: Cairn's weekday profile (AWS had none). */
  source: "aws" | "cairn";
  method: string;
  /** Spend before this day is actual; from it on, forecast. */
  asOfDay: string;
  monthToDateUsd: number;
  remainingUsd: number;
  totalUsd: number;
  remainingLowerUsd: number | null;
  remainingUpperUsd: number | null;
  createdAt: string;
}

export async function latestForecast(db: CairnDb, month: Month): Promise<MonthForecast | null> {
  const rows = await db
    .select()
    .from(forecasts)
    .where(eq(forecasts.month, month))
    .orderBy(desc(forecasts.createdAt), desc(forecasts.id))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    month: row.month,
    source: row.source === "aws" ? "aws" : "cairn",
    method: row.method,
    asOfDay: row.asOfDay,
    monthToDateUsd: row.monthToDateUsd,
    remainingUsd: row.remainingUsd,
    totalUsd: row.totalUsd,
    remainingLowerUsd: row.remainingLowerUsd,
    remainingUpperUsd: row.remainingUpperUsd,
    createdAt: row.createdAt,
  };
}
