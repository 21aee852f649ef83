import { packageBuild } from "../../tsup.shared.js";

// `@miotsec/runtime-facts/endpoints` is an entry of its own: it alone carries the Public Suffix List.
// `@miotsec/runtime-facts/internal` holds what miotsec's packages share, kept out of the root.
export default packageBuild({ endpoints: "src/endpoints-entry.ts", internal: "src/internal.ts" });
