/**
 * What each field of the label asks, in words for the people who fill it in (a vendor's product
 * manager, say). `labelJsonSchema()` writes each as the field's `description`, which editors and
 * the studio's label form show as help. Kept apart from the schema, and built only when a JSON
 * Schema is asked for, so that a bundle that only parses labels does not carry the words. A test
 * checks that every path names a field of the schema.
 */
export function fieldHelp(): Readonly<Record<string, string>> {
  return {
    id: "The label's own id: letters, digits, '.', '_', '~' or '-', unique per device model and label version (the QR code names it).",
    "identity.manufacturer": "Who makes the device: its name, country and how to reach it.",
    "identity.manufacturer.name": "The manufacturer's name.",
    "identity.manufacturer.country": "The country of the manufacturer's seat.",
    "identity.manufacturer.contact": "How buyers reach the manufacturer: email, phone or web page.",
    "identity.product": "The product's name, as a buyer knows it.",
    "identity.model": "The model designation or number.",
    "identity.category": "The kind of device (§V: specifications vary with the product category).",
    "identity.intendedUse": "What the device is for, in a sentence, as its intended use is stated.",
    "identity.criticality": "How critical the device is to patient care: low, medium or high.",
    "identity.versions": "The hardware, firmware and software versions the label describes.",
    "identity.identifiers":
      "Identifiers other systems use for the device: GTIN, package URL (purl), CPE and its product id in the manufacturer's CSAF documents.",
    "components.sensors":
      "What the device measures, in which unit, and whether it processes the values in real time or afterwards.",
    "components.actuators": "What the device can do to the world (pump, stimulate, move), if anything.",
    "components.connectivity":
      "How the device connects (Wi-Fi, Bluetooth, cellular, USB), and whether locally or to a cloud.",
    "components.gateways": "Devices the data passes through on its way out, such as a smartphone app or a hub.",
    "components.cloudLocation": "Countries (and regions) where the device's cloud services run.",
    "components.storageLocation": "Countries (and regions) where the device's data is stored.",
    "components.responsibleEntity": "Who is responsible for the data: name, contact and country.",
    "components.storedAttributes": "What data the device or its services keep, and how often each is recorded.",
    "components.userControl": "Where a user controls the data: an app, the device, a web portal, or nowhere.",
    "components.dataDeletion":
      "How hard it is to have the data deleted: easy, moderate, complex or not possible (or a range from one to another).",
    "dataPractices.purposes": "What the data is used for.",
    "dataPractices.retention": "How long the data is kept.",
    "dataPractices.thirdParties": "Who else receives data, in which country, and why.",
    "dataPractices.endToEndEncryption": "Whether the data is encrypted end to end.",
    "dataPractices.dataResidency":
      "Where personal data may reside: countries, EU or EEA. The traffic check flags servers outside it.",
    "security.updateMechanism":
      "How security updates reach the device: automatically, started by the user, by a service technician, or not at all.",
    "security.accessControl":
      "How users prove who they are: password, PIN, biometric, certificate, multi-factor, or none.",
    "security.defaultCredentials":
      "Whether the device ships with no default credentials, unique ones per device, or shared ones.",
    "security.securityContact": "Where to report a security problem: an email address or a web page.",
    "security.disclosurePolicy": "The https URL of the manufacturer's vulnerability disclosure policy.",
    "security.sbom": "Whether a software bill of materials is available, where, and in which format.",
    "security.vulnerabilityDisclosure":
      "Where the device's vulnerability statements (VEX) are published, and in which format.",
    "security.hbom": "Whether a hardware bill of materials is available, where, and in which format.",
    lifecycle:
      "The lifecycle facts the best-before-inspection date is computed from (§V-B): dates, support, updates, components.",
    "lifecycle.manufacturingDate":
      "The day the device was made (YYYY-MM-DD): the date is counted from it unless a purchase date is given.",
    "lifecycle.purchaseDate": "The day the hospital bought the device (YYYY-MM-DD), if known.",
    "lifecycle.supportPeriodEnd": "The last day of the declared support period (YYYY-MM-DD).",
    "lifecycle.endOfSecurityUpdates":
      "When security updates end: a date, true (ended, date not known) or false (not ended).",
    "lifecycle.endOfLife": "When the device reaches its end of life: a date, true (reached, date not known) or false.",
    "lifecycle.endOfSale": "When the device stops being sold: a date, true (stopped, date not known) or false.",
    "lifecycle.updates": "The updates released so far: the date, whether it fixed security problems, and the version.",
    "lifecycle.stillPurchasable": "Whether the device can still be bought.",
    "lifecycle.productLineActive": "Whether the manufacturer still develops the product line.",
    "lifecycle.newVariants": "How many new variants of the product the manufacturer has released.",
    "lifecycle.manufacturerAverageEndOfLifeYears":
      "How many years the manufacturer's devices last on average before their end of life.",
    "lifecycle.components":
      "Hardware components that wear out (a battery, a transducer), each with its rated life, MTBF or Weibull parameters.",
    runtime:
      "The runtime reference values a hospital checks the device against (§V-C): metrics per stage, services, network endpoints.",
    "runtime.identity":
      "The device as its runtime reports itself: id, name, software versions and the exact set of active services.",
    "runtime.metrics":
      "Each measured value (a metric) with its unit and the range it keeps at integration, in operation and before the fail-safe acts.",
    "runtime.facts": "Facts that hold or not at each stage, such as a verified boot loader.",
    "runtime.endpoints":
      "Every network endpoint the device talks to: host, port, protocol, TLS version, country and purpose.",
    signatures: "Signatures over the rest of the label (JWS), made by `miotsec label sign`, not by hand.",
    qrTarget: "The https URL the label's QR code points to (without query or fragment).",
  };
}
