import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * The vitest project every package uses: tests sit beside the code as `src/**\/*.test.ts`.
 * The libraries are pure, so test files share one module graph (`isolate: false`); that saves
 * the seconds that re-importing vitest and fast-check for every file would cost.
 */
export function packageProject(name: string, extra: UserWorkspaceConfig["test"] = {}): UserWorkspaceConfig {
  return defineProject({
    test: { name, include: ["src/**/*.test.ts"], isolate: false, ...extra },
  });
}
