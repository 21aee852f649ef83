import { packageBuild } from "../../tsup.shared.js";

// `@miotsec/runtime-facts/endpoints` is an entry of its own: it alone carries the Public Suffix List.
export default packageBuild({ endpoints: "src/endpoints-entry.ts" });
