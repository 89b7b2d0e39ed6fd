/** The page frame: head, header with navigation, main, footer. No inline script or style. */
import type { Child } from "hono/jsx";
import type { Locale } from "../../src/model";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { SIGNIN_WORDS } from "../auth/words";
import { pick, type Translate } from "../i18n";
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

/** Who is signed in, and the sign-out button (a POST with the session's CSRF token). */
function UserBox(props: { locale: Locale }) {
  const viewer = useViewer();
  if (!viewer) return null;
  const w = pick(SIGNIN_WORDS, props.locale);
  return (
    <form method="post" action="/signout" class="userbox">
      <CsrfField />
      <span class="who">
        <span class="visually-hidden">{w.signedInAs} </span>
        {viewer.email} ({viewer.role === "admin" ? w.admin : w.viewer})
      </span>
      <button type="submit" class="link">
        {w.signOut}
      </button>
    </form>
  );
}

export function Layout(props: LayoutProps) {
  const { t } = props;
  const viewer = useViewer();
  const entries = viewer ? NAV.filter((entry) => !entry.adminOnly || isAdmin(viewer)) : [];
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t("appName")}`}</title>
        <link rel="icon" href="data:," />
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
          {entries.length > 0 ? (
            <button type="button" class="nav-toggle" aria-expanded="false" aria-controls="site-nav">
              {t("navMenu")}
            </button>
          ) : null}
          {entries.length > 0 ? (
            <nav aria-label="Navigation" id="site-nav">
              <ul>
                {entries.map((entry) => (
                  <li>
                    <a href={entry.path} aria-current={entry.path === props.path ? "page" : undefined}>
                      {t(entry.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <UserBox locale={props.locale} />
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}
