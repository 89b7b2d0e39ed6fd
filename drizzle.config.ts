import { defineConfig } from "drizzle-kit";

// The migrations folder is shared with wrangler (`migrations_dir` in wrangler.toml).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/store/schema/index.ts",
  out: "./src/store/migrations",
});
