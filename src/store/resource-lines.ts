/**
 * Replacing a window of resource lines from one source on either driver: what Cost Explorer's
 * `RESOURCE_ID` collection writes (the FOCUS import has its own staged path, ./resource-commit.ts).
 * The window's lines of that source (and accounts) go, the new ones come, resources' latest
 * facts are upserted, the days either touches are marked, and the rollup refresh gives the
 * lines their footprint, precedence and monthly rollup (./resource-rollup.ts). One transaction
 * on SQLite, one batch on D1, where no statement binds 100 parameters or more.
 */
import { and, getTableColumns, gte, inArray, lt, sql } from "drizzle-orm";
import { monthOf } from "../days";
import type { CostSource, Day, Period } from "../model";
import { MAX_PARAMS_PER_STATEMENT } from "./cost-lines-d1";
import { refreshCostRollup } from "./cost-rollup";
import { costRollupDirty, resourceLines, resources } from "./schema/index";
import { readDb, type Store } from "./store";

/** One resource's cost on one cost-line key and day. */
export interface ResourceLine {
  day: Day;
  resourceId: string;
  accountId: string;
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  usageUnit: string;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  usageAmount: number;
}

/** A resource's facts as of `seenOn` (the latest wins). */
export interface ResourceFacts {
  resourceId: string;
  accountId: string;
  name: string;
  type: string;
  service: string;
  region: string;
  /** JSON object text. */
  tags: string;
  seenOn: Day;
}

export interface ResourceScope extends Period {
  /** Only these accounts (all when absent). */
  accountIds?: readonly string[];
  source: CostSource;
}

// biome-ignore lint/suspicious/noExplicitAny: drizzle's statement types differ per driver; both have run() / batch().
type Statement = any;
// biome-ignore lint/suspicious/noExplicitAny: the same builder calls on either driver's database.
type AnyDb = any;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Bound parameters per row: every column but the id (drizzle binds defaults too). */
const LINE_PARAMS = Object.keys(getTableColumns(resourceLines)).length - 1;
const FACT_PARAMS = Object.keys(getTableColumns(resources)).length;

function statements(
  db: AnyDb,
  scope: ResourceScope,
  lines: readonly ResourceLine[],
  facts: readonly ResourceFacts[],
  d1: boolean,
) {
  const out: Statement[] = [];
  const limit = d1 ? MAX_PARAMS_PER_STATEMENT : 30_000;
  const window = [
    gte(resourceLines.day, scope.from),
    lt(resourceLines.day, scope.to),
    sql`${resourceLines.source} = ${scope.source}`,
  ];
  const accountChunks = scope.accountIds ? chunks(scope.accountIds, limit - 4) : [undefined];
  for (const accounts of accountChunks) {
    const where = and(...window, accounts ? inArray(resourceLines.accountId, [...accounts]) : undefined);
    // The old lines' days are marked first: the refresh rebuilds them even when no new line comes.
    out.push(
      db
        .insert(costRollupDirty)
        .select(db.selectDistinct({ day: resourceLines.day }).from(resourceLines).where(where))
        .onConflictDoNothing(),
    );
    out.push(db.delete(resourceLines).where(where));
  }
  for (const part of chunks(lines, Math.floor(limit / LINE_PARAMS))) {
    out.push(
      db
        .insert(resourceLines)
        .values(part.map((l) => ({ ...l, billingAccountId: "", billingPeriod: monthOf(l.day), source: scope.source }))),
    );
  }
  const days = [...new Set(lines.map((l) => l.day))];
  for (const part of chunks(days, limit)) {
    out.push(
      db
        .insert(costRollupDirty)
        .values(part.map((day) => ({ day })))
        .onConflictDoNothing(),
    );
  }
  for (const part of chunks(facts, Math.floor(limit / FACT_PARAMS))) {
    out.push(
      db
        .insert(resources)
        .values([...part])
        .onConflictDoUpdate({
          target: resources.resourceId,
          set: {
            accountId: sql`excluded.account_id`,
            name: sql`CASE WHEN excluded.name <> '' THEN excluded.name ELSE ${resources.name} END`,
            type: sql`CASE WHEN excluded.type <> '' THEN excluded.type ELSE ${resources.type} END`,
            service: sql`excluded.service`,
            region: sql`excluded.region`,
            // Cost Explorer gives no tags ('{}'): they never erase tags an export gave.
            tags: sql`CASE WHEN excluded.tags <> '{}' THEN excluded.tags ELSE ${resources.tags} END`,
            seenOn: sql`excluded.seen_on`,
          },
          setWhere: sql`excluded.seen_on >= ${resources.seenOn}`,
        }),
    );
  }
  return out;
}

function assertInScope(scope: ResourceScope, lines: readonly ResourceLine[]): void {
  const accounts = scope.accountIds ? new Set(scope.accountIds) : null;
  for (const l of lines) {
    if (l.day < scope.from || l.day >= scope.to) {
      throw new Error(`resource line of ${l.day} is outside the window ${scope.from}..${scope.to}`);
    }
    if (accounts && !accounts.has(l.accountId))
      throw new Error(`resource line of account ${l.accountId} is outside the window`);
  }
}

/** Returns the lines written. */
export async function replaceResourceLines(
  store: Store,
  scope: ResourceScope,
  lines: readonly ResourceLine[],
  facts: readonly ResourceFacts[],
): Promise<number> {
  assertInScope(scope, lines);
  if (store.kind === "sqlite") {
    store.db.transaction((tx) => {
      for (const s of statements(tx, scope, lines, facts, false)) s.run();
    });
  } else {
    const all = statements(store.db, scope, lines, facts, true);
    await store.db.batch(all as [Statement, ...Statement[]]);
  }
  await refreshCostRollup(readDb(store));
  return lines.length;
}
