/** What the monthly report's "what the team did" section says, as plain figures (USD). */
export interface TeamFacts {
  /** Findings marked done up to the month's end, with their realised savings. */
  done: {
    action: string;
    /** The action in French, when the finding has it. */
    actionFr?: string;
    doneOn: string;
    by: string;
    realisedUsd: number | null;
    lowUsd: number;
    highUsd: number;
    final: boolean;
  }[];
  /** Upkeep hours of the month by pipeline ("" for work on a resource only). */
  upkeep: { pipeline: string; hours: number; volunteeredHours: number; valueUsd: number }[];
  /** Open findings worth most at the month's end. */
  openTop: { action: string; actionFr?: string; savingUsd: number }[];
  /** When the month is over budget: the usage types that rose most, and the finding that fixes most. */
  overrun: {
    lines: { service: string; usageType: string; costUsd: number; previousUsd: number }[];
    fix: { action: string; actionFr?: string; savingUsd: number } | null;
  } | null;
}
