/**
 * Plain SQL with positional parameters on either driver, for the few writes that are clearer as
 * SQL than as query builders (INSERT ... SELECT, correlated updates). A batch is one
 * transaction on both: better-sqlite3's `transaction`, D1's `batch`. Keep each statement under
 * D1's 100 bound parameters.
 */
import type { Store } from "./store";

export interface Statement {
  text: string;
  params: readonly unknown[];
}

export interface RawSql {
  run(text: string, params?: readonly unknown[]): Promise<void>;
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs every statement in one transaction. */
  batch(statements: readonly Statement[]): Promise<void>;
}

interface D1Like {
  prepare(text: string): {
    bind(...values: unknown[]): { run(): Promise<unknown>; all<T>(): Promise<{ results: T[] }> };
  };
  batch(statements: unknown[]): Promise<unknown>;
}

export function rawSql(store: Store): RawSql {
  if (store.kind === "sqlite") {
    const db = store.db.$client;
    return {
      run: async (text, params = []) => {
        db.prepare(text).run(...params);
      },
      all: async <T>(text: string, params: readonly unknown[] = []) => db.prepare(text).all(...params) as T[],
      batch: async (statements) => {
        const prepared = statements.map((s) => ({ stmt: db.prepare(s.text), params: s.params }));
        db.transaction(() => {
          for (const s of prepared) s.stmt.run(...s.params);
        })();
      },
    };
  }
  const d1 = (store.db as unknown as { $client: D1Like }).$client;
  return {
    run: async (text, params = []) => {
      await d1
        .prepare(text)
        .bind(...params)
        .run();
    },
    all: async <T>(text: string, params: readonly unknown[] = []) =>
      (
        await d1
          .prepare(text)
          .bind(...params)
          .all<T>()
      ).results,
    batch: async (statements) => {
      if (statements.length === 0) return;
      await d1.batch(statements.map((s) => d1.prepare(s.text).bind(...s.params)));
    },
  };
}
