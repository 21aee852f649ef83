import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { withoutTrailingSlashes } from "./url.js";

test.prop([fc.string({ unit: fc.constantFrom("/", "a", ":", " ", "é"), maxLength: 60 })])(
  "withoutTrailingSlashes drops the trailing slashes as /\\/+$/ would, and nothing else",
  (url) => {
    const trimmed = withoutTrailingSlashes(url);
    expect(trimmed).toBe(url.replace(/\/+$/u, ""));
    expect(trimmed.endsWith("/")).toBe(false);
    expect(url.startsWith(trimmed)).toBe(true);
  },
);
