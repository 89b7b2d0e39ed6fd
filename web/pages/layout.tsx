/** The page frame: head, header with navigation, main, footer. No inline script or style. */
import type { Child } from "hono/jsx";
import type { Locale } from "../../src/model";
import type { Translate } from "../i18n";
import { NAV } from "../nav";

export interface LayoutProps {
  title: string;
  path: string;
  locale: Locale;
  t: Translate;
  children?: Child;
  /** Extra scripts (served from /static) this page needs after chart.js and app.js. */
  scripts?: string[];
  /** Whether the page draws charts (loads chart.js). */
  charts?: boolean;
}

export function Layout(props: LayoutProps) {
  const { t } = props;
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t("appName")}`}</title>
        <link rel="stylesheet" href="/static/style.css" />
        {props.charts ? <script src="/static/vendor/chart.umd.min.js" defer /> : null}
        <script src="/static/app.js" defer />
        {(props.scripts ?? []).map((s) => (
          <script src={s} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t("skipToContent")}
        </a>
        <header class="top">
          <a class="brand" href="/">
            <span aria-hidden="true">▲</span> {t("appName")}
          </a>
          <span class="tagline">{t("tagline")}</span>
          <nav aria-label="Navigation">
            <ul>
              {NAV.map((entry) => (
                <li>
                  <a href={entry.path} aria-current={entry.path === props.path ? "page" : undefined}>
                    {t(entry.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}
