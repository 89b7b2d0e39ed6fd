/**
 * Which engine answers a Resources view: the store when it keeps the period's resource lines,
 * else Athena over the FOCUS export (when configured), for periods or organisations whose
 * resource lines are not kept locally (./athena-resources.ts). A view Athena cannot answer (the
 * cap, a failure) falls back to the store's empty answer with the reason, so the page says why.
 */
import type { AthenaClient } from "@aws-sdk/client-athena";
import type { Config } from "../config";
import type { CostLine } from "../model";
import { type ResourceQuery, type TopResources, topResources } from "../store/read/resources";
import { readDb, type Store } from "../store/store";
import { topResourcesOnAthena } from "./athena-resources";
import { athenaConfigured, athenaDepsFromConfig } from "./scheduled-athena";

export interface ResourceViewDeps {
  store: Store;
  config: Config;
  now: () => Date;
  athena?: () => AthenaClient;
  estimate?: (lines: CostLine[]) => unknown;
}

export interface EngineTopResources extends TopResources {
  engine: "store" | "athena";
  /** Why Athena did not answer, when it was asked and failed. */
  athenaError?: string;
}

export async function topResourcesFor(deps: ResourceViewDeps, q: ResourceQuery): Promise<EngineTopResources> {
  const local = await topResources(readDb(deps.store), q);
  if (local.count > 0 || !athenaConfigured(deps.config) || !deps.athena) return { ...local, engine: "store" };
  try {
    const athena = athenaDepsFromConfig(deps.config, deps.athena());
    const { cached: _, ...answer } = await topResourcesOnAthena(
      { store: deps.store, athena, now: deps.now },
      { ...q, table: athena.table, pipelineTag: deps.config.CAIRN_PIPELINE_TAG },
    );
    return { ...answer, engine: "athena" };
  } catch (error) {
    return { ...local, engine: "store", athenaError: (error as Error).message };
  }
}
