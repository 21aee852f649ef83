import * as z from "zod/mini";

/**
 * An https URL as miotsec documents write it: `https://`, a host, and an optional path, query or
 * fragment, without white space, at most 2,000 characters, and one that the WHATWG URL parser
 * reads with the `https` scheme (zod's `z.url`). One issue for one problem: each check stops the
 * ones after it. `message` is the sentence of a URL of the wrong form.
 *
 * @example
 * ```ts
 * import { httpsUrlSchema } from "@miotsec/core";
 * httpsUrlSchema().safeParse("https://labels.example/us-w1").success; // true
 * httpsUrlSchema().safeParse("http://labels.example").success; // false
 * ```
 * @since 0.2.0
 */
export function httpsUrlSchema(message = "must be an https:// URL") {
  return z.pipe(
    z
      .string()
      .check(
        z.maxLength(2000, { abort: true }),
        z.regex(/^https:\/\/[^\s/?#]+(?:[/?#]\S*)?$/, { error: message, abort: true }),
      ),
    z.url({ protocol: /^https$/, error: message }),
  );
}

/**
 * An e-mail address: zod's `z.email` (the common form `local@domain.tld`, no quoted local parts
 * and no IP literals), at most 320 characters.
 *
 * @example
 * ```ts
 * import { emailSchema } from "@miotsec/core";
 * emailSchema.safeParse("psirt@vendor.example").success; // true
 * ```
 * @since 0.2.0
 */
export const emailSchema = z.email({ error: "must be an email address" }).check(z.maxLength(320));
