/** What every alert email builder needs besides the alert. Pure helpers. */
import { type AccountNames, accountLabel } from "../../src/accounts/account-names";
import { addDays } from "../../src/days";
import { fill } from "../../src/format/fill";
import { formatDay, formatMoney, formatPercent, localeTag } from "../../src/format/numbers";
import type { Currency, Day, Locale } from "../../src/model";
import type { EmailBlock } from "./html";
import { ALERT_WORDS, type AlertWords } from "./words";

export interface EmailContext {
  locale: Locale;
  /** Dashboard base URL, without trailing slash (CAIRN_PUBLIC_URL or http://localhost:PORT). */
  publicUrl: string;
  /** Names shown for account ids ("Name (id)"); absent, bare ids. */
  accountNames?: AccountNames;
}

export interface BuiltEmail {
  subject: string;
  block: EmailBlock;
}

export interface Fmt {
  w: AlertWords;
  money: (n: number, currency: Currency) => string;
  pct: (ratio: number) => string;
  day: (d: Day) => string;
  /** "18 novembre" / "18 November": the subject's short date. */
  shortDay: (d: Day) => string;
  /** An inclusive rendering of a half-open period. */
  period: (from: Day, to: Day) => string;
  link: (path: string) => { href: string; label: string };
  footer: (key: string) => string;
  /** An account as "Name (id)" when named, else its id. */
  account: (id: string) => string;
}

export function fmt(ctx: EmailContext): Fmt {
  const w: AlertWords = ALERT_WORDS[ctx.locale];
  const base = ctx.publicUrl.replace(/\/+$/, "");
  const day = (d: Day) => formatDay(d, ctx.locale);
  return {
    w,
    money: (n, currency) => formatMoney(n, currency, ctx.locale),
    pct: (r) => formatPercent(r, ctx.locale),
    day,
    shortDay: (d) =>
      new Intl.DateTimeFormat(localeTag(ctx.locale), { day: "numeric", month: "long", timeZone: "UTC" }).format(
        new Date(`${d}T00:00:00Z`),
      ),
    period: (from, to) => `${day(from)} – ${day(addDays(to, -1))}`,
    link: (path) => ({ href: `${base}${path}`, label: w.open }),
    footer: (key) => fill(w.footer, { key }),
    account: (id) => accountLabel(id, ctx.accountNames ?? {}),
  };
}
