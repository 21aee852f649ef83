/*
 * The paper's appendix Tables II-IV, transcribed.
 *
 * Source: Gleißner et al., "Improving IT Security of Medical IoT Devices: A Maturity Evaluation
 * and a Labeling Approach", International Journal on Advances in Security 15(3&4), 2022.
 *
 * How the transcription was made, and the decisions it took:
 *
 * 1. Every bullet is one requirement, under its own criterion and level; none is merged, none
 *    invented. Ids are `<criterion>.<level>.<n>`, n counting the bullets of one table cell
 *    from 1 in printed order. Wording is the paper's; line-break hyphens are joined and obvious
 *    typing errors corrected, each correction recorded in the requirement's `note`.
 *
 * 2. The text extraction of the tables reads each row column by column, so the bullets of one
 *    maturity row appear in column order (Organisation, Data Management, Authentication System
 *    for Table II; Updates, Malfunction Management, Usability for Table III) with no marker
 *    where one column ends. Each row therefore has one boundary per pair of columns to decide.
 *    The clear bullets fix most boundaries; where a bullet sits on a boundary, the decision and
 *    its reason are in that requirement's `note`:
 *    - data-management.1.3 (HTTP TRACE disabled): data management, not authentication: it stops
 *      a server echoing request data back; it identifies nobody.
 *    - authentication.2.1 (communication ports only talk to authenticated entities) and
 *      authentication.2.3 (different secret keys per device or family): authentication system,
 *      for they are about who may talk and with which credential.
 *    - authentication.2.2 (minimized sharing of resources): authentication system, as an
 *      access-control principle; it stands between two authentication bullets.
 *    - data-management.3.1 (unique tamper-resistant device identifier): data management; it
 *      follows the single Organisation bullet and precedes key management, so column order
 *      puts it there.
 *    - data-management.3.4 (communication protocols at their most secure version):
 *      data management, protection of data in transit.
 *    - data-management.4.3 (secure boot) and data-management.5.2 (root of trust): data
 *      management, with the hardware trust anchors (TPM, HSM, locked key module) of that column.
 *    - updates.2.1 (agile response to new flaws) opens the row, so it is the Updates column;
 *      updates.2.3 (restore a secure state if an update failed) names updates.
 *    - malfunction-management.3.1 (defined bug reporting system of suppliers): malfunction
 *      management, reporting malfunctions, rather than updates.
 *    - data-management.4.1 (OS non-essential services removed): data management, with that
 *      row's hardening bullets, not a second Organisation bullet.
 *    - updates.3.2 (actively maintained libraries): updates, with the automated update process.
 *    - malfunction-management.5.1 (information sharing platform): malfunction management; the
 *      other reading (updates) would leave that column's level 5 empty.
 *
 * 3. Table IV is measured: each bullet is a rule over a fact with its threshold as a parameter
 *    (`<requirement>.threshold`), so a profile can set other thresholds.
 *    - Costs for IT security: "less than N %" cannot be read literally under the gated rule (a
 *      facility spending 5 % would miss level 1 while meeting level 3). The paper's scale is
 *      one where spending more is more mature, so "less than N %" is read as the upper end of
 *      the level's band, and a level is reached from the band's lower end: level 1 from 0 %,
 *      level 2 from 1 %, level 3 from 2 %, level 4 from 4 %; level 5 asks for more than 8 %.
 *      The paper names no band from 6 % to 8 %: a facility there stays at level 4, because
 *      level 5 explicitly asks for more than 8 %.
 *    - Downtime: "a max. downtime of 3 days / 24 hours" is `maxDowntimeHours.<criticality>`
 *      at most 72 or 24 hours.
 *    - Failsafe: the five cells are an ordinal scale of failure impact, worst first; a level is
 *      fulfilled when the impact is at least as good as that level's cell.
 *    - Threats and attacks: "less than N security-related events last year" is
 *      `securityEventsLastYear < N`.
 *
 * 4. Figure 1 names seven criteria, two of which (Availability, Connectivity) the tables do not
 *    have, and leaves out three that the tables do have. Figure 1 is kept as a view, a mapping
 *    onto the tables' criteria and requirements, never as requirements of its own.
 */
import { deepFreeze } from "@miotsec/core";
import type { Catalog, Mapping, Requirement } from "./model.js";
import { catalogSchemaVersion } from "./schema-version.js";

type Draft = Pick<Requirement, "text"> & Partial<Omit<Requirement, "id" | "criterion" | "level" | "text">>;

const columns = {
  organisation: { table: "II", column: "Organisation", title: "Organisation" },
  "data-management": { table: "II", column: "Data Management", title: "Data Management" },
  authentication: { table: "II", column: "Authentication System", title: "Authentication System" },
  updates: { table: "III", column: "Updates", title: "Updates" },
  "malfunction-management": { table: "III", column: "Malfunction Management", title: "Malfunction Management" },
  usability: { table: "III", column: "Usability", title: "Usability" },
  "security-costs": { table: "IV", column: "Costs for IT Security", title: "Costs for IT Security" },
  downtime: { table: "IV", column: "Downtime reg. criticality", title: "Downtime regarding criticality" },
  failsafe: { table: "IV", column: "Failsafe", title: "Failsafe" },
  threats: { table: "IV", column: "Threats and attacks", title: "Threats and attacks" },
} as const;

const dimensionOfTable = { II: "structure", III: "process", IV: "outcome" } as const;

type CriterionId = keyof typeof columns;

const etsi = (id: string): Mapping => ({ framework: "etsi-en-303-645", id, relation: "related" });

/** One table cell: the bullets of one criterion at one level, in printed order. */
function cell(criterion: CriterionId, level: 1 | 2 | 3 | 4 | 5, drafts: Draft[]): Requirement[] {
  const { table, column } = columns[criterion];
  return drafts.map((draft, i) => ({
    id: `${criterion}.${level}.${i + 1}`,
    criterion,
    level,
    kind: "attested",
    source: { table, row: level, column, bullet: i + 1 },
    naAllowed: false,
    naJustificationRequired: false,
    evidenceRequired: false,
    tags: [],
    mappings: [],
    ...draft,
  }));
}

/** A measured requirement of Table IV: its rule compares `fact` with the parameter `<id>.threshold`. */
function measured(
  criterion: CriterionId,
  level: 1 | 2 | 3 | 4 | 5,
  text: string,
  fact: string,
  comparator: "lt" | "lte" | "gt" | "gte" | "at-least",
  extra: Partial<Requirement> = {},
): Requirement {
  const id = `${criterion}.${level}.1`;
  const [requirement] = cell(criterion, level, [
    { text, kind: "measured", rule: { fact, comparator, parameter: `${id}.threshold` }, tags: ["measured"], ...extra },
  ]);
  return requirement as Requirement;
}

const naWithReason = { naAllowed: true, naJustificationRequired: true } as const;

const requirements: Requirement[] = [
  // Table II: structure
  ...cell("organisation", 1, [
    {
      text: "Health facility's management commitment to the implementation of IT security for all IoT devices in the whole healthcare area",
      tags: ["governance"],
    },
  ]),
  ...cell("organisation", 2, [
    {
      text: "Definition of basic objectives, scope, roles and tasks regarding IT security of Medical IoT devices",
      tags: ["governance"],
    },
    {
      text: "Determining contractual clauses with Medical IoT suppliers about IT security",
      tags: ["governance", "supplier"],
    },
  ]),
  ...cell("organisation", 3, [
    { text: "Definition of all Medical IoT processes including risk level", tags: ["governance"] },
  ]),
  ...cell("organisation", 4, [
    { text: "Training for medical staff about IT security of IoT devices", tags: ["training"] },
  ]),
  ...cell("organisation", 5, [
    {
      text: "Manufacturers consider compliance with ISO 30111 for vulnerability report handling",
      tags: ["supplier", "vulnerability-handling"],
      mappings: [etsi("5.2-1")],
    },
  ]),

  ...cell("data-management", 1, [
    { text: "Detailed description of end-to-end-security and cryptographic principles", tags: ["cryptography"] },
    { text: "Utilize crypto coprocessors for key creation and storage", tags: ["cryptography", "hardware"] },
    {
      text: "All products related to web servers have their HTTP trace and trace methods disabled",
      tags: ["communication", "hardening"],
      ...naWithReason,
      note: "Column decided: data management, not authentication. The bullet stops a web server from echoing request data back; it identifies nobody. 'HTTP trace and trace methods' is read as the HTTP methods TRACE and TRACK (the latter Microsoft IIS's variant). Not applicable where a device runs no web server.",
    },
  ]),
  ...cell("data-management", 2, [
    { text: "Encrypted data on application layer", tags: ["cryptography", "communication"] },
    {
      text: "All communications keys are stored with industry standards (e.g., FIPS 140)",
      tags: ["cryptography", "communication"],
      mappings: [etsi("5.4-1")],
    },
  ]),
  ...cell("data-management", 3, [
    {
      text: "All products contain a unique and tamper-resistant device identifier (e.g., chip serial number)",
      tags: ["identity", "hardware"],
      note: "Column decided: data management. It follows the row's single Organisation bullet and precedes key management, so column order places it here. The paper writes 'tamper-resistent'.",
    },
    { text: "Key management incl. generation, distribution, storage and maintenance", tags: ["cryptography"] },
    {
      text: "Utilize trusted platform modules (TPM) and hardware security modules (HSM)",
      tags: ["cryptography", "hardware"],
    },
    {
      text: "Communication protocols are at most secure version (e.g., Bluetooth 4.2 rather than 4.0)",
      tags: ["communication"],
      note: "Column decided: data management, as protection of data in transit; the bullet does not concern identities or credentials.",
    },
  ]),
  ...cell("data-management", 4, [
    {
      text: "All OS non-essential services have been removed from product's software",
      tags: ["hardening"],
      note: "Column decided: data management, with the hardening of the product's software and hardware that the rest of this row's data management bullets are (sensitive data in hardware, secure boot). It follows the row's one Organisation bullet. The other reading makes it a second organisation bullet, which Table II has only in row 2.",
    },
    { text: "Storage of sensitive data in hardware (not software)", tags: ["cryptography", "hardware"] },
    {
      text: "Only use secure boot methods",
      tags: ["integrity"],
      mappings: [etsi("5.7-1")],
      note: "Column decided: data management, with the hardware trust anchors of this column (TPM, HSM, locked key module) rather than with the authentication of staff.",
    },
  ]),
  ...cell("data-management", 5, [
    {
      text: "Encrypt data parameters using a Direct Access Recovery (DAR) encryption key stored in a physically locked module",
      tags: ["cryptography", "hardware"],
      note: "The paper writes 'Direct Acess Recovery' and 'stored I a physically locked module'. 'DAR' usually stands for data at rest, and the bullet reads naturally as encrypting data at rest with a key kept in a locked module; the paper's expansion is kept as written.",
    },
    {
      text: "Using Root of Trust (certificates, signing keys)",
      tags: ["cryptography", "integrity"],
      note: "Column decided: data management, with the other hardware trust anchors of this column.",
    },
  ]),

  ...cell("authentication", 1, [
    { text: "No default credentials for Medical IoT devices", tags: ["credentials"], mappings: [etsi("5.1-1")] },
    {
      text: "No use of any function by unauthorized user or guest users incl. patients (also changing credentials)",
      tags: ["access-control"],
    },
    { text: "Applications operated at the lowest privilege level possible", tags: ["access-control"] },
  ]),
  ...cell("authentication", 2, [
    {
      text: "All communication ports (e.g., USB, RS232) only communicate with authorized and authenticated entities",
      tags: ["communication", "access-control"],
      ...naWithReason,
      note: "Column decided, with low confidence: authentication system, because it says who may talk over a port. The other reading puts it in data management, as protection of the data that passes the device's interfaces. Not applicable where a device has no such port.",
    },
    {
      text: "Minimized sharing principle of resources",
      tags: ["access-control"],
      note: "Column decided, with low confidence: authentication system, as an access-control principle (who may use which resource). The other reading puts it in data management, as limiting which data and resources are shared.",
    },
    {
      text: "Different secret keys for each Medical IoT or product family",
      tags: ["credentials", "cryptography"],
      note: "Column decided, with low confidence: authentication system; a secret per device or family is a credential practice, like unique passwords. The other reading puts it in data management, with the key management of that column.",
    },
    {
      text: "Complex password management (no blanks, no containing user account name, etc.) for all Medical IoT devices",
      tags: ["credentials"],
    },
  ]),
  ...cell("authentication", 3, [
    { text: "No hard coded passwords in IoT software code", tags: ["credentials"], mappings: [etsi("5.4-3")] },
    { text: "2-Factor authentication for all Medical IoT devices", tags: ["credentials"] },
  ]),
  ...cell("authentication", 4, [
    { text: "Multi factor authentication or certificates for all Medical IoT devices", tags: ["credentials"] },
    {
      text: "Secure mechanism for updated credentials (fixed time intervals) for all medical staff",
      tags: ["credentials"],
      note: "The paper writes 'for all medical stuff'.",
    },
  ]),
  ...cell("authentication", 5, [
    {
      text: "No secret credentials left in application code of Medical IoT devices",
      tags: ["credentials"],
      mappings: [etsi("5.4-3")],
    },
    { text: "Biometric authentication for all medical staff", tags: ["credentials"] },
  ]),

  // Table III: process
  ...cell("updates", 1, [
    {
      text: "Regular updates of security measures of all Medical IoT devices",
      tags: ["lifecycle"],
      mappings: [etsi("5.3-1")],
    },
    {
      text: "User notification when updates and patches modify user-configured preferences, security and privacy settings",
      tags: ["lifecycle"],
    },
  ]),
  ...cell("updates", 2, [
    {
      text: "Agile and prompt response to new security or other flaws of IT in the health facility",
      tags: ["lifecycle", "incident-response"],
      note: "Column decided: updates. The bullet opens its row, and the row's first column is Updates.",
    },
    {
      text: "Validation of authenticity and integrity of all updates (e.g., signing certificate)",
      tags: ["lifecycle", "integrity"],
    },
    {
      text: "Restore secure state (if update was not successful or occurred)",
      tags: ["lifecycle", "resilience"],
      note: "Column decided: updates; the bullet is about failed updates.",
    },
  ]),
  ...cell("updates", 3, [
    { text: "Automated update process for all Medical IoT devices", tags: ["lifecycle"] },
    {
      text: "Use of libraries that are actively maintained and supported",
      tags: ["lifecycle", "supplier"],
      note: "Column decided: updates, with the automated update process before it: libraries that are maintained are libraries that get updates. The other reading starts the Malfunction Management column here, leaving the row one updates bullet.",
    },
  ]),
  ...cell("updates", 4, [
    {
      text: "Defined limitation of device functionality for all Medical IoT devices after security support period ends (e.g., remote control)",
      tags: ["lifecycle"],
    },
    {
      text: "Backward compatibility of updates (compatible with previous versions) for all Medical IoT devices",
      tags: ["lifecycle"],
    },
  ]),
  ...cell("updates", 5, [
    { text: "Updates include cryptographic checks and cipher suites", tags: ["lifecycle", "cryptography"] },
    {
      text: "Complete end-of-life update strategy for all Medical IoT devices incl. awareness of potential risks beyond its expected expiry date",
      tags: ["lifecycle"],
      note: "The paper writes 'end-to-life'.",
    },
  ]),

  ...cell("malfunction-management", 1, [
    { text: "Defined use of error handlers", tags: ["resilience"] },
    { text: "Generic error messages and use of custom error pages", tags: ["resilience", "hardening"] },
    { text: "Enable restore secure state after security breach", tags: ["resilience", "incident-response"] },
    { text: "Runtime Protection mechanism", tags: ["resilience", "integrity"] },
  ]),
  ...cell("malfunction-management", 2, [
    { text: "Log all authentication attempts and failures of the medical staff", tags: ["logging"] },
    { text: "Log all access control failures of the medical staff", tags: ["logging"] },
    { text: "Log all apparent tampering events", tags: ["logging", "integrity"] },
  ]),
  ...cell("malfunction-management", 3, [
    {
      text: "Defined bug reporting system from Medical IoT suppliers",
      tags: ["supplier", "vulnerability-handling"],
      note: "Column decided: malfunction management (reporting malfunctions) rather than updates; it sits on the boundary of the two columns.",
    },
    { text: "Log all backend TLS connection failures", tags: ["logging", "communication"] },
    { text: "Automated alerting system for tampering events", tags: ["logging", "integrity", "incident-response"] },
  ]),
  ...cell("malfunction-management", 4, [
    { text: "Mechanisms for self-diagnosis and self-repair for all Medical IoT devices", tags: ["resilience"] },
  ]),
  ...cell("malfunction-management", 5, [
    {
      text: "Participation in information sharing platform to report vulnerabilities and current cyber threats of Medical IoT devices",
      tags: ["vulnerability-handling"],
      note: "Column decided: malfunction management, reporting vulnerabilities and threats to others as the column's bug reporting (level 3) reports them to suppliers. The other reading makes it a third updates bullet, the end-of-life update strategy's neighbour; Malfunction Management would then have no level-5 bullet, and its level 5 would ask for nothing.",
    },
  ]),

  ...cell("usability", 1, [{ text: "Basic training for medical staff is done", tags: ["training"] }]),
  ...cell("usability", 2, [{ text: "Advanced training for staff is done", tags: ["training"] }]),
  ...cell("usability", 3, [
    { text: "Regular training sessions incl. innovations are taught for medical staff", tags: ["training"] },
  ]),
  ...cell("usability", 4, [
    { text: "No training necessary for usage or all medical staff is trained for usage", tags: ["training"] },
  ]),
  ...cell("usability", 5, [
    {
      text: "No training necessary for usage or all medical staff is trained for usage incl. IT security handling",
      tags: ["training"],
    },
  ]),

  // Table IV: outcome (measured)
  measured("security-costs", 1, "Less than 1 % of the complete health facility budget", "securityBudgetShare", "gte", {
    note: "Read as the band from 0 % up to 1 %: level 1 is reached with any known share. See the catalog source for why 'less than' is the upper end of a band.",
  }),
  measured("security-costs", 2, "Less than 2 % of the complete health facility budget", "securityBudgetShare", "gte", {
    note: "Read as the band from 1 % up to 2 %: level 2 is reached from 1 %.",
  }),
  measured("security-costs", 3, "Less than 4 % of the complete health facility budget", "securityBudgetShare", "gte", {
    note: "Read as the band from 2 % up to 4 %: level 3 is reached from 2 %.",
  }),
  measured("security-costs", 4, "Less than 6 % of the complete health facility budget", "securityBudgetShare", "gte", {
    note: "Read as the band from 4 % up to 6 %: level 4 is reached from 4 %. The paper names no band from 6 % to 8 %; a facility there stays at level 4.",
  }),
  measured("security-costs", 5, "More than 8 % of the complete health facility budget", "securityBudgetShare", "gt", {
    note: "Strictly more than 8 %, as printed; 6 % to 8 % stays at level 4.",
  }),

  measured(
    "downtime",
    1,
    "All Medical IoT devices with low criticality have a max. downtime of 3 days",
    "maxDowntimeHours.low",
    "lte",
    naWithReason,
  ),
  measured(
    "downtime",
    2,
    "All Medical IoT devices with low criticality have a max. downtime of 24 hours",
    "maxDowntimeHours.low",
    "lte",
    naWithReason,
  ),
  measured(
    "downtime",
    3,
    "All Medical IoT devices with medium criticality have a max. downtime of 3 days",
    "maxDowntimeHours.medium",
    "lte",
    naWithReason,
  ),
  measured(
    "downtime",
    4,
    "All Medical IoT devices with medium criticality have a max. downtime of 24 hours",
    "maxDowntimeHours.medium",
    "lte",
    naWithReason,
  ),
  measured(
    "downtime",
    5,
    "All Medical IoT devices with high criticality have a max. downtime of 24 hours",
    "maxDowntimeHours.high",
    "lte",
    naWithReason,
  ),

  measured(
    "failsafe",
    1,
    "Failure affects the whole system / the whole Medical IoT device / the whole IoT product family",
    "failureImpact",
    "at-least",
  ),
  measured(
    "failsafe",
    2,
    "Failure affects parts of the system / the whole Medical IoT device / the whole IoT product family",
    "failureImpact",
    "at-least",
  ),
  measured(
    "failsafe",
    3,
    "Failure affects the availability of operation or use of the system / the whole Medical IoT device / the whole IoT product family",
    "failureImpact",
    "at-least",
  ),
  measured(
    "failsafe",
    4,
    "Failure has no effect on the medical operation (no human damage possible)",
    "failureImpact",
    "at-least",
  ),
  measured(
    "failsafe",
    5,
    "Failure has no effect on the operation or use of the whole system / the whole Medical IoT device / the whole IoT product family",
    "failureImpact",
    "at-least",
  ),

  ...([25, 20, 15, 10, 5] as const).map((n, i) =>
    measured(
      "threats",
      (i + 1) as 1 | 2 | 3 | 4 | 5,
      `There were less than ${n} security-related events (e.g., threats, attacks) last year in the health facility`,
      "securityEventsLastYear",
      "lt",
    ),
  ),
];

const failureImpacts = [
  "whole-system",
  "parts-of-system",
  "availability-of-operation",
  "no-medical-impact",
  "no-impact",
] as const;

function threshold(requirement: string, label: string, value: number | string, unit?: string) {
  return { id: `${requirement}.threshold`, label, value, ...(unit === undefined ? {} : { unit }) };
}

/**
 * The maturity model of "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and
 * a Labeling Approach" (Gleißner et al., 2022) as data: 3 dimensions, 10 criteria and 81
 * requirements transcribed from appendix Tables II–IV, the facts and thresholds of Table IV's
 * measured requirements, and Figure 1 as a view.
 *
 * Frozen: tailor it with {@link applyProfile}, which returns a new catalog.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * miotCatalog.requirements.filter((r) => r.criterion === "updates" && r.level === 2).map((r) => r.id);
 * // ["updates.2.1", "updates.2.2", "updates.2.3"]
 * ```
 * @since 0.1.0
 */
export const miotCatalog: Catalog = deepFreeze({
  schemaVersion: catalogSchemaVersion,
  id: "miot-maturity",
  title: "Maturity model for secure Medical IoT integration",
  version: "1.0.0",
  lastModified: "2026-11-28" as Catalog["lastModified"],
  source: {
    title: "Improving IT Security of Medical IoT Devices: A Maturity Evaluation and a Labeling Approach",
    authors: ["Gleißner", "et al."],
    year: 2022,
    publication: "International Journal on Advances in Security, vol. 15, no. 3 & 4",
    url: "http://www.iariajournals.org/security/",
  },
  levels: [
    { level: 1, name: "beginnings" },
    { level: 2, name: "first steps" },
    { level: 3, name: "on the way" },
    { level: 4, name: "developed" },
    { level: 5, name: "mature" },
  ],
  dimensions: [
    {
      id: "structure",
      title: "Structure",
      description: "Donabedian's structure: the setting care and devices rest on (Table II).",
    },
    {
      id: "process",
      title: "Process",
      description: "Donabedian's process: what is done with the devices (Table III).",
    },
    { id: "outcome", title: "Outcome", description: "Donabedian's outcome: the measurable results (Table IV)." },
  ],
  criteria: (Object.keys(columns) as CriterionId[]).map((id) => ({
    id,
    dimension: dimensionOfTable[columns[id].table],
    title: columns[id].title,
    source: { table: columns[id].table, column: columns[id].column },
  })),
  requirements,
  facts: [
    {
      id: "securityBudgetShare",
      kind: "number",
      title: "Share of the complete health facility budget spent on IT security",
      unit: "share (0.05 = 5 %)",
      minimum: 0,
      maximum: 1,
    },
    {
      id: "maxDowntimeHours.low",
      kind: "number",
      title: "Longest downtime of a Medical IoT device of low criticality",
      unit: "hours",
      minimum: 0,
    },
    {
      id: "maxDowntimeHours.medium",
      kind: "number",
      title: "Longest downtime of a Medical IoT device of medium criticality",
      unit: "hours",
      minimum: 0,
    },
    {
      id: "maxDowntimeHours.high",
      kind: "number",
      title: "Longest downtime of a Medical IoT device of high criticality",
      unit: "hours",
      minimum: 0,
    },
    {
      id: "failureImpact",
      kind: "ordinal",
      title: "What a failure affects (Table IV, Failsafe), worst first",
      values: [...failureImpacts],
    },
    {
      id: "securityEventsLastYear",
      kind: "number",
      title: "Security-related events (threats, attacks) in the health facility last year",
      minimum: 0,
      integer: true,
    },
  ],
  parameters: [
    threshold("security-costs.1.1", "minimum share of the budget", 0, "share"),
    threshold("security-costs.2.1", "minimum share of the budget", 0.01, "share"),
    threshold("security-costs.3.1", "minimum share of the budget", 0.02, "share"),
    threshold("security-costs.4.1", "minimum share of the budget", 0.04, "share"),
    threshold("security-costs.5.1", "share of the budget to exceed", 0.08, "share"),
    threshold("downtime.1.1", "maximum downtime, low criticality", 72, "hours"),
    threshold("downtime.2.1", "maximum downtime, low criticality", 24, "hours"),
    threshold("downtime.3.1", "maximum downtime, medium criticality", 72, "hours"),
    threshold("downtime.4.1", "maximum downtime, medium criticality", 24, "hours"),
    threshold("downtime.5.1", "maximum downtime, high criticality", 24, "hours"),
    ...failureImpacts.map((impact, i) =>
      threshold(`failsafe.${i + 1}.1`, "failure impact at least as good as", impact),
    ),
    ...[25, 20, 15, 10, 5].map((n, i) =>
      threshold(`threats.${i + 1}.1`, "fewer security events a year than", n, "events"),
    ),
  ],
  views: [
    {
      id: "figure-1",
      title: "Figure 1: criteria as basis for the evaluation model",
      description:
        "The seven criteria of the paper's Figure 1, mapped onto the criteria and requirements of Tables II-IV. Figure 1 names Availability and Connectivity, which the tables do not have as criteria, and does not name Malfunction Management, Costs for IT Security or Threats and attacks.",
      groups: [
        {
          id: "availability",
          title: "Availability",
          criteria: ["downtime", "failsafe"],
          requirements: [],
          note: "No table has an Availability criterion; Table IV's downtime and failsafe criteria measure availability.",
        },
        { id: "usability", title: "Usability", criteria: ["usability"], requirements: [] },
        {
          id: "connectivity",
          title: "Connectivity",
          criteria: [],
          requirements: [
            "data-management.1.1",
            "data-management.1.3",
            "data-management.2.1",
            "data-management.2.2",
            "data-management.3.4",
            "authentication.2.1",
            "malfunction-management.3.2",
          ],
          note: "No table has a Connectivity criterion; these requirements, spread over three criteria, concern communication.",
        },
        { id: "data-management", title: "Data Management", criteria: ["data-management"], requirements: [] },
        { id: "authentication-system", title: "Authentication System", criteria: ["authentication"], requirements: [] },
        { id: "organization", title: "Organization", criteria: ["organisation"], requirements: [] },
        { id: "updates", title: "Updates", criteria: ["updates"], requirements: [] },
      ],
    },
  ],
  provenance: [],
});
