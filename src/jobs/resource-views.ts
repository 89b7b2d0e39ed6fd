/**
 * Which engine answers the Resources views: the store when it keeps resource lines for the
 * period, else Athena over the FOCUS export (when configured), for periods or organisations whose
 * resource lines are not kept locally (./athena-resources.ts). The same rule for the ranking, the
 * resources new or gone and one resource's page, so a page never mixes the two engines. A view
 * Athena cannot answer (the cap, a failure, a table Cairn cannot read) falls back to the store's
 * answer with the reason, so the page says why.
 */
import { sql } from "drizzle-orm";
import type { AthenaClients } from "../../collectors/athena/client";
import type { Config } from "../config";
import type { CostLine, Period } from "../model";
import {
  type ResourceChanges,
  type ResourceDetail,
  type ResourceQuery,
  resourceChanges,
  resourceDetail,
  type TopResources,
  topResources,
} from "../store/read/resources";
import { readDb, type Store } from "../store/store";
import { resourceChangesOnAthena, resourceDetailOnAthena, topResourcesOnAthena } from "./athena-resources";
import type { SessionDeps } from "./athena-session";
import { athenaConfigured, athenaDepsFromConfig } from "./scheduled-athena";

export interface ResourceViewDeps {
  store: Store;
  config: Config;
  now: () => Date;
  athena?: () => AthenaClients;
  estimate?: (lines: CostLine[]) => unknown;
}

export type ResourceEngine = "store" | "athena";

export interface EngineTopResources extends TopResources {
  engine: ResourceEngine;
  /** Why Athena did not answer, when it was asked and failed. */
  athenaError?: string;
}

/** Whether the store keeps any resource line in the period (else the views are Athena's to answer). */
async function keptLocally(store: Store, p: Period): Promise<boolean> {
  const rows = await readDb(store).all<{ one: number }>(
    sql`SELECT 1 AS one FROM resource_lines WHERE day >= ${p.from} AND day < ${p.to} LIMIT 1`,
  );
  return rows.length > 0;
}

/** Athena's session for a view, or null when the store answers (it keeps the period, or Athena is not set up). */
async function athenaFor(deps: ResourceViewDeps, p: Period): Promise<SessionDeps | null> {
  if (!athenaConfigured(deps.config) || !deps.athena) return null;
  if (await keptLocally(deps.store, p)) return null;
  return {
    store: deps.store,
    athena: athenaDepsFromConfig(deps.config, deps.athena()),
    now: deps.now,
    tables: new Map(),
  };
}

export interface EngineResourceViews {
  top: EngineTopResources;
  changes: ResourceChanges;
}

/** The ranking and the resources new or gone, from one engine. */
export async function resourceViewsFor(
  deps: ResourceViewDeps,
  q: ResourceQuery,
  changesLimit = 50,
): Promise<EngineResourceViews> {
  const session = await athenaFor(deps, q);
  const db = readDb(deps.store);
  if (session) {
    try {
      const pipelineTag = deps.config.CAIRN_PIPELINE_TAG;
      const { cached: _t, ...top } = await topResourcesOnAthena(session, { ...q, pipelineTag });
      const { cached: _c, ...changes } = await resourceChangesOnAthena(session, {
        from: q.from,
        to: q.to,
        pipelineTag,
        limit: changesLimit,
        ...(q.pipeline === undefined ? {} : { pipeline: q.pipeline }),
      });
      return { top: { ...top, engine: "athena" }, changes };
    } catch (error) {
      const [top, changes] = await Promise.all([topResources(db, q), resourceChanges(db, q, q.pipeline, changesLimit)]);
      return { top: { ...top, engine: "store", athenaError: (error as Error).message }, changes };
    }
  }
  const [top, changes] = await Promise.all([topResources(db, q), resourceChanges(db, q, q.pipeline, changesLimit)]);
  return { top: { ...top, engine: "store" }, changes };
}

/** Kept for callers of the ranking alone. */
export async function topResourcesFor(deps: ResourceViewDeps, q: ResourceQuery): Promise<EngineTopResources> {
  return (await resourceViewsFor(deps, q)).top;
}

export interface EngineResourceDetail {
  detail: ResourceDetail | null;
  engine: ResourceEngine;
  athenaError?: string;
}

/** One resource's page over the period, from the engine that keeps the period. */
export async function resourceDetailFor(deps: ResourceViewDeps, id: string, p: Period): Promise<EngineResourceDetail> {
  const session = await athenaFor(deps, p);
  if (session) {
    try {
      const found = await resourceDetailOnAthena(session, {
        ...p,
        resourceId: id,
        pipelineTag: deps.config.CAIRN_PIPELINE_TAG,
      });
      if (found) {
        const { cached: _, ...detail } = found;
        return { detail, engine: "athena" };
      }
    } catch (error) {
      return {
        detail: await resourceDetail(readDb(deps.store), id, p),
        engine: "store",
        athenaError: (error as Error).message,
      };
    }
  }
  return { detail: await resourceDetail(readDb(deps.store), id, p), engine: "store" };
}
