// The executed-notebook checks (test/notebooks/executed.check.ts): they read notebooks/.executed/,
// which only `npm run notebooks` writes (it needs Jupyter from apt), so they are not part of
// `npm test`'s default run: `npm run notebooks && npx vitest run --config vitest.notebooks.config.mts`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/notebooks/executed.check.ts"],
    testTimeout: 120_000,
  },
});
