import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { withoutSchemaKey } from "./schema-key.js";

describe("withoutSchemaKey", () => {
  test.prop([fc.dictionary(fc.string(), fc.jsonValue()), fc.string()])(
    "removes $schema and nothing else, leaving its argument as it was",
    (doc, uri) => {
      const keyed = { ...doc, $schema: uri };
      const before = structuredClone(keyed);
      const { $schema: _, ...expected } = keyed;
      expect(withoutSchemaKey(keyed)).toEqual(expected);
      expect(keyed).toEqual(before);
      const plain = { ...expected };
      expect(withoutSchemaKey(plain)).toBe(plain);
    },
  );
});
