import { packageBuild } from "../../tsup.shared.js";

// `@miotsec/label/internal` holds what miotsec's packages share, kept out of the root.
export default packageBuild({ internal: "src/internal.ts" });
