import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * The vitest project every package uses: tests sit beside the code as `src/**\/*.test.ts`.
 * The libraries are pure, so test files share one module graph (`isolate: false`); that saves
 * the seconds that re-importing vitest and fast-check for every file would cost.
 * The timeout is a guard against hangs, not a speed goal: tests never assert wall time, and a
 * 100,000-requirement catalog on a busy 2-core CI machine takes several seconds.
 */
export function packageProject(name: string, extra: UserWorkspaceConfig["test"] = {}): UserWorkspaceConfig {
  return defineProject({
    test: { name, include: ["src/**/*.test.ts"], isolate: false, testTimeout: 60_000, ...extra },
  });
}
