import { packageProject } from "../../vitest.shared.js";

// The fuzz and hostile-input tests answer every call or fail; the timeout is the hang guard.
export default packageProject("release-checks", { testTimeout: 600_000 });
