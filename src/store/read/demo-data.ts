/**
 * Whether the database holds the demo dataset, which real collections must not be mixed into.
 * A read model of its own (not in src/jobs/load-demo.ts) so that what reads it, the health
 * check on Workers included, does not pull in the demo loader and its file import.
 */
import { eq } from "drizzle-orm";
import { costLines } from "../schema/index";
import { readDb, type Store } from "../store";

export async function holdsDemoData(store: Store): Promise<boolean> {
  const rows = await readDb(store)
    .select({ id: costLines.id })
    .from(costLines)
    .where(eq(costLines.source, "demo"))
    .limit(1);
  return rows.length > 0;
}
