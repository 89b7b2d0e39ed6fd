/** The whole schema, one file per concern. Feature tables are added as files here. */
export * from "./app";
export * from "./auth";
export * from "./budgets";
export * from "./costs";
export * from "./forecasts";
export * from "./imports";
export * from "./metrics";
export * from "./resources";
export * from "./rollups";
export * from "./runs";
