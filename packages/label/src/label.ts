import { lifecycleFactsSchema } from "@miotsec/best-before";
import { countryCodeSchema, emailSchema, httpsUrlSchema } from "@miotsec/core";
import { schemaKey } from "@miotsec/core/internal";
import { residencySchema, runtimeProfileSchema } from "@miotsec/runtime-facts";
import * as z from "zod/mini";
import { onLayer } from "./layers.js";
import { asciiUrl, qrBaseUrlMaxLength, qrBaseUrlPattern } from "./url.js";

const text = (max = 500) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(/\S/, { error: "must not be blank" }));

/**
 * The two answers a vendor may give instead of a value, as on the CMU IoT label: the value is
 * `not-disclosed`, or the field is `not-applicable` to this device.
 *
 * @example
 * ```ts
 * import { withheld } from "@miotsec/label";
 * withheld; // ["not-disclosed", "not-applicable"]
 * ```
 * @since 0.1.0
 */
export const withheld = ["not-disclosed", "not-applicable"] as const;

/** A disclosed field: the value, or one of {@link withheld}. */
function disclosed<S extends z.ZodMiniType>(schema: S) {
  return z.union([schema, z.enum(withheld)], {
    error: 'must be a value, "not-disclosed" or "not-applicable"',
  });
}

const location = z.strictObject({ country: countryCodeSchema, region: z.optional(text(100)) });

/** How hard deleting data is, easiest first: the order a range `from`-`to` must keep. */
const deletionLevels = ["easy", "moderate", "complex", "not-possible"] as const;
const deletionLevel = z.enum(deletionLevels);
/**
 * How hard deleting data is: one level, or a range where it depends on the data (Table I of the
 * paper gives "Easy to complex").
 */
const dataDeletion = z.union([
  deletionLevel,
  z.strictObject({ from: deletionLevel, to: deletionLevel }).check(
    z.refine(({ from, to }) => deletionLevels.indexOf(from) < deletionLevels.indexOf(to), {
      error: "must run from the easier level to the harder one, and they must differ",
      params: { code: "invalid-value" },
    }),
  ),
]);
const bom = z.strictObject({
  available: z.boolean(),
  url: z.optional(httpsUrlSchema()),
  format: z.optional(z.enum(["cyclonedx", "spdx"])),
});

const base64url = (max: number) =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(max),
      z.regex(/^[A-Za-z0-9_-]+$/, { error: "must be base64url without padding" }),
    );

/**
 * A signature of a label: a JWS in flattened JSON serialisation (RFC 7515 §7.2.2) with a
 * detached payload (RFC 7515 Appendix F), the payload being the label's canonical JSON without
 * its signatures ({@link labelPayload}). Only its shape is checked here; `@miotsec/trust` makes
 * and verifies signatures.
 *
 * @example
 * ```ts
 * import { labelSignatureSchema } from "@miotsec/label";
 * labelSignatureSchema.safeParse({ protected: "eyJhbGciOiJFUzI1NiJ9", signature: "c2ln" }).success; // true
 * ```
 * @since 0.2.0
 */
export const labelSignatureSchema = z.strictObject({ protected: base64url(4096), signature: base64url(1024) });

/**
 * The version of the label document format this package writes; `migrateLabel` brings older
 * ones to it.
 *
 * @example
 * ```ts
 * import { labelSchemaVersion } from "@miotsec/label";
 * labelSchemaVersion; // 1
 * ```
 * @since 0.1.0
 */
export const labelSchemaVersion = 1;

/**
 * The device label (§V of "Improving IT Security of Medical IoT Devices: A Maturity Evaluation
 * and a Labeling Approach"): identity, with the product category, intended use and criticality
 * that §V says a label's specifications depend on; the IoT Components Facts Label of Table I in full;
 * data practices, with where personal data may reside; security facts; lifecycle facts (the input of the best-before-inspection
 * date); the runtime profile with its declared endpoints; and the QR target. Every disclosed
 * field may instead be `not-disclosed` or `not-applicable`. Each field carries its layer
 * (`box`, `qr`, `procurement`) in {@link layerRegistry}.
 *
 * @example
 * ```ts
 * import { deviceLabelSchema } from "@miotsec/label";
 * deviceLabelSchema.safeParse({}).success; // false
 * ```
 * @since 0.1.0
 */
export const deviceLabelSchema = z.strictObject({
  $schema: schemaKey,
  schemaVersion: z.literal(labelSchemaVersion),
  id: onLayer(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(200),
        z.regex(/^[A-Za-z0-9][A-Za-z0-9._~-]*$/, { error: "must use letters, digits, '.', '_', '~' or '-'" }),
      ),
    "box",
  ),
  identity: z.strictObject({
    manufacturer: onLayer(
      z.strictObject({
        name: text(200),
        country: countryCodeSchema,
        contact: z.strictObject({
          email: z.optional(emailSchema),
          phone: z.optional(text(50)),
          url: z.optional(httpsUrlSchema()),
        }),
      }),
      "box",
    ),
    product: onLayer(text(200), "box"),
    model: onLayer(text(200), "box"),
    // §V: "Specifications may vary depending on the product category, intended use and
    // criticality." Optional: labels written before 0.2.0 have none.
    category: z.optional(onLayer(text(200), "box")),
    intendedUse: z.optional(onLayer(text(1000), "qr")),
    criticality: z.optional(onLayer(z.enum(["low", "medium", "high"]), "box")),
    versions: onLayer(
      z.strictObject({
        hardware: disclosed(text(100)),
        firmware: disclosed(text(100)),
        software: disclosed(text(100)),
      }),
      "qr",
    ),
    identifiers: onLayer(
      z.strictObject({
        gtin: z.optional(
          z.string().check(z.regex(/^(\d{8}|\d{12,14})$/, { error: "must be a GTIN of 8, 12, 13 or 14 digits" })),
        ),
        purl: z.optional(
          z
            .string()
            .check(
              z.maxLength(1000),
              z.regex(/^pkg:[a-z.+-]+\/\S+$/, { error: "must be a package URL (pkg:type/name)" }),
            ),
        ),
        cpe: z.optional(
          z.string().check(z.maxLength(1000), z.regex(/^cpe:2\.3:[aho*-]:\S+$/, { error: "must be a CPE 2.3 name" })),
        ),
        // The device's product id in its manufacturer's CSAF documents. @since 0.2.0
        csafProductId: z.optional(text(200)),
      }),
      "procurement",
    ),
  }),
  components: z.strictObject({
    sensors: onLayer(
      disclosed(
        z
          .array(
            z.strictObject({
              name: text(200),
              measures: text(200),
              unit: z.optional(text(50)),
              processing: z.enum(["real-time", "post-processing"]),
            }),
          )
          .check(z.maxLength(1000)),
      ),
      "box",
    ),
    actuators: onLayer(
      disclosed(z.array(z.strictObject({ name: text(200), action: text(200) })).check(z.maxLength(1000))),
      "box",
    ),
    connectivity: onLayer(
      disclosed(
        z.array(z.strictObject({ protocol: text(100), scope: z.enum(["cloud", "local"]) })).check(z.maxLength(100)),
      ),
      "box",
    ),
    gateways: onLayer(
      disclosed(z.array(z.strictObject({ name: text(200), location: z.optional(text(200)) })).check(z.maxLength(100))),
      "qr",
    ),
    cloudLocation: onLayer(disclosed(z.array(location).check(z.maxLength(100))), "box"),
    storageLocation: onLayer(disclosed(z.array(location).check(z.maxLength(100))), "box"),
    responsibleEntity: onLayer(
      disclosed(
        z.strictObject({
          name: text(200),
          phone: z.optional(text(50)),
          email: z.optional(emailSchema),
          country: countryCodeSchema,
        }),
      ),
      "box",
    ),
    storedAttributes: onLayer(
      disclosed(z.array(z.strictObject({ name: text(200), cycle: text(100) })).check(z.maxLength(1000))),
      "box",
    ),
    userControl: onLayer(
      disclosed(z.array(z.enum(["app", "device", "web-portal", "none"])).check(z.maxLength(10))),
      "box",
    ),
    dataDeletion: onLayer(disclosed(dataDeletion), "box"),
  }),
  dataPractices: z.strictObject({
    purposes: onLayer(disclosed(z.array(text(200)).check(z.maxLength(100))), "qr"),
    retention: onLayer(disclosed(text(500)), "qr"),
    thirdParties: onLayer(
      disclosed(
        z
          // A third party's country may be left out where it is not known: unknown stays unknown.
          .array(z.strictObject({ name: text(200), country: z.optional(countryCodeSchema), purpose: text(500) }))
          .check(z.maxLength(1000)),
      ),
      "qr",
    ),
    endToEndEncryption: onLayer(disclosed(z.boolean()), "box"),
    // Where personal data may go (the paper's GDPR point in §VI): countries, EU, EEA. Optional:
    // labels written before 0.2.0 have none.
    dataResidency: z.optional(onLayer(disclosed(residencySchema), "qr")),
  }),
  security: z.strictObject({
    updateMechanism: onLayer(disclosed(z.enum(["automatic", "user-initiated", "service-technician", "none"])), "box"),
    accessControl: onLayer(
      disclosed(
        z.array(z.enum(["password", "pin", "biometric", "certificate", "multi-factor", "none"])).check(z.maxLength(10)),
      ),
      "qr",
    ),
    defaultCredentials: onLayer(disclosed(z.enum(["none", "unique-per-device", "shared"])), "box"),
    securityContact: onLayer(
      disclosed(z.strictObject({ email: z.optional(emailSchema), url: z.optional(httpsUrlSchema()) })),
      "qr",
    ),
    disclosurePolicy: onLayer(disclosed(httpsUrlSchema()), "qr"),
    sbom: onLayer(disclosed(bom), "procurement"),
    // Where the device's vulnerability statements (VEX) are published, and in which format. @since 0.2.0
    vulnerabilityDisclosure: z.optional(
      onLayer(
        disclosed(
          z
            .array(z.strictObject({ url: httpsUrlSchema(), format: z.enum(["cyclonedx", "openvex", "csaf"]) }))
            .check(z.minLength(1), z.maxLength(10)),
        ),
        "procurement",
      ),
    ),
    hbom: onLayer(disclosed(z.strictObject({ ...bom.def.shape })), "procurement"),
  }),
  lifecycle: onLayer(disclosed(lifecycleFactsSchema), "box"),
  runtime: onLayer(disclosed(runtimeProfileSchema), "procurement"),
  // Signatures over the rest of the label: ignored by the digest and by every export. @since 0.2.0
  signatures: z.optional(onLayer(z.array(labelSignatureSchema).check(z.maxLength(16)), "procurement")),
  qrTarget: onLayer(
    z.string().check(
      // One issue for one problem: each check stops the ones after it.
      z.maxLength(qrBaseUrlMaxLength, { abort: true }),
      z.regex(qrBaseUrlPattern, { error: "must be an https:// URL without query or fragment", abort: true }),
      z.refine((url) => asciiUrl(url) !== undefined, {
        error: "must be well-formed text; a lone surrogate has no place in a URL",
        params: { code: "invalid-format" },
        abort: true,
      }),
      z.refine((url) => (asciiUrl(url)?.length ?? 0) <= qrBaseUrlMaxLength, {
        error: `must be at most ${qrBaseUrlMaxLength} characters once its characters outside ASCII are percent-encoded, so that the QR code holds it`,
        params: { code: "too-big" },
      }),
    ),
    "box",
  ),
});

/**
 * A device label; see {@link deviceLabelSchema}.
 *
 * @since 0.1.0
 */
export type DeviceLabel = z.infer<typeof deviceLabelSchema>;

/**
 * The paths of every field that may be `not-disclosed` or `not-applicable`, for renderers
 * and checks that walk them.
 *
 * @example
 * ```ts
 * import { disclosedFieldPaths } from "@miotsec/label";
 * disclosedFieldPaths.includes("components.sensors"); // true
 * ```
 * @since 0.1.0
 */
export const disclosedFieldPaths: readonly string[] = [
  "identity.versions.hardware",
  "identity.versions.firmware",
  "identity.versions.software",
  ...Object.keys(deviceLabelSchema.def.shape.components.def.shape).map((k) => `components.${k}`),
  ...Object.keys(deviceLabelSchema.def.shape.dataPractices.def.shape).map((k) => `dataPractices.${k}`),
  ...Object.keys(deviceLabelSchema.def.shape.security.def.shape).map((k) => `security.${k}`),
  "lifecycle",
  "runtime",
];
