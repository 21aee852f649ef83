import { packageBuild } from "../../tsup.shared.js";

// `@miotsec/best-before/vex` is an entry of its own: the VEX readers stay out of the root.
export default packageBuild({ vex: "src/vex-entry.ts" });
