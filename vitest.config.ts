import { defineConfig } from "vitest/config";

// Three projects: pure and integration tests in Node, the dashboard in headless Chromium,
// and the Workers build in workerd. `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
          setupFiles: ["test/setup/packed-footprint-equality.ts"],
          // Builds the `cairn` bundle the CLI tests run (test/helpers/cli.ts).
          globalSetup: ["test/setup/build-cairn-bundle.ts"],
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
          // Many integration tests run the real CLI as child processes: on a loaded machine a
          // few of them take over 30 s. A timeout only stops a hung test; no test asserts speed.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The real server (`cairn serve`) driven by Debian's Chromium through playwright-core.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/setup/build-cairn-bundle.ts"],
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      // The Workers build in workerd: its own config, since it needs the cloudflareTest plugin.
      "test/workers/vitest.config.ts",
    ],
  },
});
