/** The deterministic demo dataset: a fictional alpine research association's AWS spend. */

export type { DemoAccount } from "./accounts";
export { DEMO_ACCOUNTS, DEMO_DESCRIPTION, DEMO_ORGANISATION, DEMO_PIPELINES } from "./accounts";
export { DEFAULT_THRESHOLDS, demoBudgets } from "./budgets";
export { DEMO_HISTORY_MONTHS, demoPeriod, generateDemoLines } from "./generate";
export { DEMO_PRICES, DEMO_REGION_PREFIXES, demoPrice } from "./prices";
export { demoStory } from "./story";
