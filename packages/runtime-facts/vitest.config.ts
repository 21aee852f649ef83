import { packageProject } from "../../vitest.shared.js";

export default packageProject("runtime-facts");
