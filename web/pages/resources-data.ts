/** What the Resources page and API show, loaded once for both. */
import { advise, type Finding } from "../../src/analysis/advice/index";
import { findingNames } from "../../src/analysis/advice/naming";
import { addDays, toDay } from "../../src/days";
import { loadAdviceInput } from "../../src/store/read/advice";
import {
  type ResourceChanges,
  type ResourceDetail,
  resourceChanges,
  resourceDetail,
  type TopResources,
  topResources,
} from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import type { ResourceParams } from "../api/resource-params";
import type { WebDeps } from "../deps";

export interface ResourcesData {
  params: ResourceParams;
  top: TopResources;
  changes: ResourceChanges;
}

export async function loadResources(deps: WebDeps, params: ResourceParams): Promise<ResourcesData> {
  const db = readDb(deps.store);
  const query = { ...params.period, by: params.by, limit: params.limit };
  const top = await topResources(db, params.pipeline === undefined ? query : { ...query, pipeline: params.pipeline });
  return { params, top, changes: await resourceChanges(db, params.period) };
}

export interface ResourceData {
  params: ResourceParams;
  detail: ResourceDetail;
  /** Tuning findings (as of the period's end, or today) that name this resource. */
  findings: Finding[];
}

export async function loadResource(deps: WebDeps, params: ResourceParams, id: string): Promise<ResourceData | null> {
  const db = readDb(deps.store);
  const detail = await resourceDetail(db, id, params.period);
  if (!detail) return null;
  const today = addDays(toDay(deps.now()), 1);
  // Days are strings: the earlier of the two.
  const asOf = [params.period.to, today].sort()[0] as string;
  const findings = advise(await loadAdviceInput(db, asOf)).filter((f) => findingNames(f, id));
  return { params, detail, findings };
}
