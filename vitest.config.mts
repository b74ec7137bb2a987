import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = { "@": root, "server-only": path.join(root, "tests/server-only-stub.ts") };

// Three projects: fast pure-logic tests, scaling tests (linear time on hostile input), and integration tests on a real embedded PostgreSQL
// (one server per run, a fresh database per test file; see tests/integration/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // Property tests run a hundred cases each: on a busy 2-core CI box 5 s is not enough.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Time ratios (1× vs 10× input): one file at a time, so tests do not share the cores.
          name: "scaling",
          include: ["tests/scaling/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/per-file-database.ts"],
          // Two files run at once, each with background jobs: a zip of all eleven formats built at
          // its first download took 30 s on a loaded 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
