/** The whole schema, one file per concern. Feature tables are added as files here. */
export * from "./app";
export * from "./athena";
export * from "./audit";
export * from "./auth";
export * from "./aws-carbon";
export * from "./budgets";
export * from "./costs";
export * from "./forecasts";
export * from "./imports";
export * from "./incidents";
export * from "./locks";
export * from "./metrics";
export * from "./resources";
export * from "./rollups";
export * from "./runs";
export * from "./source-days";
export * from "./tuning";
