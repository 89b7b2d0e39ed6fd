/**
 * An Athena cost-lines answer (collectors/athena/sql.ts: FOCUS rows grouped by every column the
 * import's mapping reads, with their sums) into the import's per-export sums. Each grouped row
 * goes through the import's own parser (parseCharge) and is added with its row count, so service
 * names (src/aws/service-names.ts), regions, accounts, usage types, pipelines and other
 * providers come out exactly as a local import of the same files gives them. Pure.
 */
import type { FocusAggregate } from "../focus/aggregate";
import { addCharge } from "../focus/aggregate";
import type { FocusColumn } from "../focus/columns";
import { parseCharge } from "../focus/parse-charge";
import { COST_LINE_COLUMNS } from "./sql";

export interface AthenaChargeErrors {
  /** FOCUS rows in groups the import's parser refuses (a non-USD AWS currency, an unreadable date). */
  badRows: number;
  /** The first few reasons, for the run's error text. */
  reasons: string[];
}

export type Row = Record<string, string | null>;

const BY_FOCUS = new Map<FocusColumn, string>(
  Object.entries(COST_LINE_COLUMNS).map(([alias, focus]) => [focus as FocusColumn, alias]),
);

/**
 * A grouped answer row as the import's parser reads a FOCUS row: the sums stand for the costs and
 * quantity, the pipeline (already read out of the tags map by the query) for a one-key Tags.
 */
export function athenaCell(row: Row, pipelineTag: string): (column: FocusColumn) => unknown {
  return (column) => {
    switch (column) {
      case "BilledCost":
        return row.billed_cost;
      case "EffectiveCost":
        return row.effective_cost;
      case "ConsumedQuantity":
        return row.consumed_quantity;
      case "ResourceId":
        return row.resource_id;
      case "ResourceName":
        return row.resource_name;
      case "ResourceType":
        return row.resource_type;
      case "Tags":
        return row.pipeline === null || row.pipeline === undefined ? null : { [pipelineTag]: row.pipeline };
      default: {
        const alias = BY_FOCUS.get(column);
        return alias === undefined ? undefined : row[alias];
      }
    }
  };
}

/** Adds the answer's rows to `agg`; returns the rows refused and why. */
export function addAthenaRows(agg: FocusAggregate, rows: readonly Row[], pipelineTag: string): AthenaChargeErrors {
  const errors: AthenaChargeErrors = { badRows: 0, reasons: [] };
  for (const row of rows) {
    const count = Number(row.row_count ?? 0);
    const parsed = parseCharge(athenaCell(row, pipelineTag), pipelineTag);
    if (!parsed.ok) {
      errors.badRows += count;
      if (errors.reasons.length < 5) errors.reasons.push(parsed.error);
      continue;
    }
    addCharge(agg, parsed.charge, count);
  }
  return errors;
}
