/** `GET /runs` (everyone) and `POST /runs/collect` (admins: run a collection now). */
import { Hono } from "hono";
import { holdsDemoData } from "../../src/store/read/demo-data";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, translator } from "../i18n";
import { RunsPage } from "./runs";
import { loadRuns } from "./runs-data";
import { RUNS_WORDS } from "./runs-words";

export function runsRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/runs", async (c) =>
    renderPage(
      c,
      <RunsPage
        data={await loadRuns(deps)}
        collectAvailable={deps.collectNow !== undefined}
        demo={deps.collectNow === undefined && (await holdsDemoData(deps.store))}
        locale={locale}
        t={t}
      />,
    ),
  );
  app.post("/runs/collect", requireAdmin(), async (c) => {
    if (!deps.collectNow) {
      const w = pick(RUNS_WORDS, locale);
      return c.text((await holdsDemoData(deps.store)) ? w.collectUnavailableDemo : w.collectUnavailable, 503);
    }
    // The run records its own outcome (collection_runs); the page shows it.
    try {
      await deps.collectNow();
    } catch (error) {
      // Another process (the CLI, the scheduler, a second click) holds the collection lock: say so.
      if ((error as Error).name === "CollectionBusyError") {
        return renderPage(
          c,
          <RunsPage data={await loadRuns(deps)} collectAvailable={true} collectBusy={true} locale={locale} t={t} />,
          409,
        );
      }
      console.error("collection from the dashboard failed:", (error as Error).message);
    }
    return c.redirect("/runs", 303);
  });
  return app;
}
