import { packageProject } from "../../vitest.shared.js";

// The studio's tests drive the built page in Chromium; each file has its own browser.
export default packageProject("studio", { include: ["src/**/*.test.ts", "test/**/*.test.ts"], isolate: true });
