import { defineConfig } from "vitest/config";

// One root config that knows every package; each package keeps a tiny config of its own
// so that `turbo run test` can run and cache packages one by one.
export default defineConfig({
  test: {
    projects: ["packages/*", "tools/*"],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      exclude: ["**/*.test.ts"],
    },
  },
});
