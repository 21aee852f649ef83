import { packageBuild } from "../../tsup.shared.js";

// `@miotsec/core/internal` is an entry of its own: the helpers miotsec's packages share.
export default packageBuild({ internal: "src/internal.ts" });
