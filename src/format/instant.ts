/** Instants and report periods written out for readers: "18 novembre 2026 à 10 h 05 UTC". */
import type { Locale } from "../model";
import { formatDay, formatMonth } from "./numbers";

/** An ISO instant (UTC) as a date written out and the time, or "—" for none. */
export function formatInstant(iso: string | null, locale: Locale): string {
  if (!iso) return "—";
  const day = formatDay(iso.slice(0, 10), locale);
  const [h = "00", m = "00"] = iso.slice(11, 16).split(":");
  return locale === "fr" ? `${day} à ${Number(h)}\u00a0h\u00a0${m} UTC` : `${day}, ${h}:${m} UTC`;
}

/** A report's period: a month "2026-10" as "octobre 2026", a week's day as "semaine du 2 novembre 2026". */
export function formatReportPeriod(period: string, locale: Locale): string {
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period, locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period))
    return `${locale === "fr" ? "semaine du" : "week of"} ${formatDay(period, locale)}`;
  return period;
}
