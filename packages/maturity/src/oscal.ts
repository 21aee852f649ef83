import { canonicalJson, ok, type Result, unwrap } from "@miotsec/core";
import { nameUuid } from "@miotsec/core/internal";
import { oscalNamespace, oscalVersion } from "@miotsec/criteria";
import { answerWords, valueWords } from "./explain.js";
import { describeCatalog, describePolicy } from "./policy.js";
import type { MaturityReport, RequirementResult } from "./report.js";
import { parseReport } from "./report-schema.js";

type Json = Record<string, unknown>;

const line = (text: string) => text.replace(/\s+/g, " ").trim();
const prop = (name: string, value: string | number): Json => ({ name, ns: oscalNamespace, value: line(String(value)) });

function finding(
  r: RequirementResult,
  why: string | undefined,
  resultUuid: string,
  observationUuid: string | undefined,
): Json {
  const satisfied = r.outcome === "fulfilled";
  const description = satisfied
    ? r.answer === "na"
      ? "Fulfilled: not applicable, with a justification."
      : r.value !== undefined
        ? `Fulfilled: the measured value ${r.value} meets the requirement.`
        : "Fulfilled: answered met."
    : (why ?? (r.outcome === "unknown" ? "Not known yet." : "Not fulfilled."));
  return {
    uuid: nameUuid(`${resultUuid}/finding/${r.id}`),
    title: line(`Requirement ${r.id} (level ${r.level}): ${r.text}`),
    description,
    props: [prop("requirement", r.id), prop("level", r.level), prop("outcome", r.outcome)],
    target: {
      type: "statement-id",
      "target-id": `${r.id}_smt`,
      status: {
        state: satisfied ? "satisfied" : "not-satisfied",
        reason: satisfied ? "pass" : r.outcome === "unknown" ? "other" : "fail",
        ...(r.outcome === "unknown" ? { remarks: "Not known yet: no answer or no fact was given." } : {}),
      },
    },
    ...(observationUuid ? { "related-observations": [{ "observation-uuid": observationUuid }] } : {}),
  };
}

/**
 * Exports a report as an OSCAL assessment-results document (`{ "assessment-results": ... }`),
 * valid against NIST's published OSCAL assessment-results JSON schema. One result holds the
 * levels as props, one observation per answered or measured requirement, and one finding per
 * requirement whose target is the requirement's statement in the OSCAL catalog that
 * `toOscalCatalog` from `@miotsec/criteria` writes (`<id>_smt`): `satisfied` when fulfilled,
 * otherwise `not-satisfied` with the reason in the description. Identifiers are name-based
 * UUIDs of the report's canonical JSON (RFC 8785), so the same report always exports the same
 * document, whatever the order of its keys. The report is checked first ({@link parseReport}):
 * anything else is answered with issues.
 *
 * @example
 * ```ts
 * import { miotCatalog } from "@miotsec/criteria";
 * import { unwrap } from "@miotsec/core";
 * import { assess, toOscalAssessmentResults } from "@miotsec/maturity";
 * const r = assess(miotCatalog, { schemaVersion: 1, asOf: "2026-11-28", answers: { "organisation.1.1": "met" } });
 * if (r.ok) JSON.stringify(unwrap(toOscalAssessmentResults(r.value)));
 * ```
 * @since 0.1.0
 */
export function toOscalAssessmentResults(
  reportInput: MaturityReport,
): Result<{ "assessment-results": Record<string, unknown> }> {
  const checked = parseReport(reportInput);
  if (!checked.ok) return checked;
  const report = checked.value;
  // An id of the report's canonical JSON (RFC 8785): a report is JSON through and through.
  const identity = nameUuid(`oscal-assessment-results:${unwrap(canonicalJson(report))}`);
  const resultUuid = nameUuid(`${identity}/result`);
  const at = `${report.assessment.asOf}T00:00:00Z`;
  const subject = report.assessment.subject;
  const why = new Map<string, string>();
  for (const c of report.criteria) for (const b of c.blockers) why.set(b.requirement, b.why);
  for (const stage of report.roadmap) for (const s of stage.steps) why.set(s.requirement, s.why);
  const observations: Json[] = [];
  const observationOf = new Map<string, string>();
  for (const r of report.requirements) {
    // What was answered or measured, in words; a requirement with neither has no observation.
    const said =
      r.value !== undefined
        ? `Measured value: ${valueWords(r.value)}.`
        : r.answer !== undefined
          ? `Answered ${answerWords[r.answer]}.`
          : undefined;
    if (said === undefined) continue;
    const uuid = nameUuid(`${resultUuid}/observation/${r.id}`);
    observationOf.set(r.id, uuid);
    observations.push({
      uuid,
      title: `Requirement ${r.id}`,
      description: said,
      props: [prop("requirement", r.id), ...(r.answer === undefined ? [] : [prop("answer", r.answer)])],
      methods: ["UNKNOWN"],
      collected: at,
    });
  }
  const policy = report.policy;
  return ok({
    "assessment-results": {
      uuid: identity,
      metadata: {
        title: line(`Maturity assessment results${subject ? `: ${subject.name}` : ""}, ${report.assessment.asOf}`),
        "last-modified": at,
        version: String(report.schemaVersion),
        "oscal-version": oscalVersion,
        props: [
          prop("catalog-id", report.catalog.id),
          prop("catalog-version", report.catalog.version),
          ...(report.catalog.profiles ?? []).map((p) =>
            prop("profile", `${p.id}${p.version === undefined ? "" : ` ${p.version}`}`),
          ),
          ...(report.assessment.id ? [prop("assessment-id", report.assessment.id)] : []),
          ...(subject
            ? [prop("subject-kind", subject.kind), ...(subject.id ? [prop("subject-id", subject.id)] : [])]
            : []),
        ],
      },
      "import-ap": {
        href: `urn:miotsec:assessment-plan:${report.catalog.id}:${report.catalog.version}`,
        remarks: line(
          `No separate assessment plan: every requirement of the catalog is in scope. Catalog: ${describeCatalog(report.catalog)}.`,
        ),
      },
      results: [
        {
          uuid: resultUuid,
          title: line(`Maturity level ${report.level} (${report.levelName})`),
          description: `Level ${report.level} (${report.levelName}); at most level ${report.levelIfUnknownsMet} once every unknown is known. ${report.coverage.known} of ${report.coverage.requirements} requirements have a known outcome. Policy: ${describePolicy(report.policy)}.`,
          start: at,
          end: at,
          props: [
            prop("level", report.level),
            prop("level-if-unknowns-met", report.levelIfUnknownsMet),
            prop("score", report.score.toFixed(4)),
            prop(
              "policy",
              policy.paper
                ? "paper"
                : `partial=${policy.partial};na=${policy.na};evidence=${policy.evidence};roll-up=${policy.rollUp};gating=${policy.gating}`,
            ),
            ...report.dimensions.map((d) => prop("dimension-level", `${d.id}=${d.level}`)),
            ...report.criteria.map((c) => prop("criterion-level", `${c.id}=${c.level}`)),
          ],
          "reviewed-controls": { "control-selections": [{ "include-all": {} }] },
          ...(observations.length > 0 ? { observations } : {}),
          findings: report.requirements.map((r) => finding(r, why.get(r.id), resultUuid, observationOf.get(r.id))),
        },
      ],
    },
  });
}
