// The Read journey: a label as printed, its best-before-inspection date as of a chosen day,
// the factors that moved it and the inspection checklist; its signatures verified against keys
// the user opened (and a label status folded in); and the §VI traffic check of a capture.
import { computeBestBefore } from "@miotsec/best-before";
import type { Issue } from "@miotsec/core";
import { type DeviceLabel, parseLabel } from "@miotsec/label";
import { renderLabelSvg } from "@miotsec/render";
import { parseRuntimeProfile } from "@miotsec/runtime-facts";
import { type LabelVerification, verifyLabel } from "@miotsec/trust";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Opened } from "../files.js";
import { t } from "../messages.js";
import { today } from "../today.js";
import { AsOf, FilePicker, IssueList, Notice } from "../ui/widgets.js";
import { checkTraffic } from "./traffic.js";
import { statusLine, verdictOf } from "./verdict.js";

type Doc = { readonly file: string; readonly document: unknown } | undefined;

/** The Read page. */
export function ReadPage() {
  const [labelDoc, setLabelDoc] = useState<Doc>(undefined);
  const [keys, setKeys] = useState<Doc>(undefined);
  const [status, setStatus] = useState<Doc>(undefined);
  const [capture, setCapture] = useState<Doc>(undefined);
  const [countries, setCountries] = useState<Doc>(undefined);
  const [profileDoc, setProfileDoc] = useState<Doc>(undefined);
  const [organisations, setOrganisations] = useState<Doc>(undefined);
  const [asOf, setAsOf] = useState(today());
  const [error, setError] = useState<string | undefined>(undefined);
  const [verification, setVerification] = useState<
    { value?: LabelVerification; signaturesStand?: boolean; issues?: readonly Issue[] } | undefined
  >();

  const label = useMemo(() => (labelDoc === undefined ? undefined : parseLabel(labelDoc.document)), [labelDoc]);
  const parsed: DeviceLabel | undefined = label?.ok ? label.value : undefined;

  useEffect(() => {
    setVerification(undefined);
    if (parsed === undefined || keys === undefined) return;
    let current = true;
    const options = { keys: keys.document as never, asOf };
    // Verified twice where a status document is open: without it, to say whether the signatures
    // stand by themselves, and with it folded in, for the verdict.
    void Promise.all([
      verifyLabel(parsed, options),
      status === undefined ? undefined : verifyLabel(parsed, { ...options, status: status.document as never }),
    ]).then(([alone, folded]) => {
      if (!current) return;
      const r = folded ?? alone;
      setVerification(r.ok ? { value: r.value, signaturesStand: alone.ok && alone.value.valid } : { issues: r.issues });
    });
    return () => {
      current = false;
    };
  }, [parsed, keys, status, asOf]);

  const bestBefore = useMemo(
    () =>
      parsed !== undefined && typeof parsed.lifecycle === "object"
        ? computeBestBefore(parsed.lifecycle, { asOf })
        : undefined,
    [parsed, asOf],
  );
  const svg = useMemo(
    () =>
      parsed === undefined
        ? undefined
        : renderLabelSvg(parsed, { asOf, ...(verification?.value && { verification: verification.value }) }),
    [parsed, asOf, verification],
  );
  const profile = useMemo(
    () => (profileDoc === undefined ? undefined : parseRuntimeProfile(profileDoc.document)),
    [profileDoc],
  );
  const traffic = useMemo(
    () =>
      parsed !== undefined && capture !== undefined && profile?.ok !== false
        ? checkTraffic(
            parsed,
            capture.document,
            {
              ...(countries !== undefined && { countries: countries.document }),
              ...(organisations !== undefined && { organisations: organisations.document }),
            },
            profile?.value,
          )
        : undefined,
    [parsed, capture, countries, organisations, profile],
  );

  const opener = (set: (d: Doc) => void) => (o: Opened & { ok: true }) => {
    setError(undefined);
    set({ file: o.name, document: o.document });
  };
  return (
    <div class="page read">
      <header class="page-head">
        <h2>{t("read.title")}</h2>
        <p>{t("read.intro")}</p>
      </header>
      <div class="toolbar no-print">
        {(
          [
            ["read.openLabel", setLabelDoc, "read-label"],
            ["read.openKeys", setKeys, "read-keys"],
            ["read.openStatus", setStatus, "read-status"],
            ["read.openCapture", setCapture, "read-capture"],
            ["read.openProfile", setProfileDoc, "read-profile"],
            ["read.openCountries", setCountries, "read-countries"],
            ["read.openOrganisations", setOrganisations, "read-organisations"],
          ] as const
        ).map(([label, set, testId]) => (
          <FilePicker key={testId} label={t(label)} onOpen={opener(set)} onError={setError} testId={testId} />
        ))}
      </div>
      <AsOf id="read-as-of" value={asOf} onChange={setAsOf} />
      <Notice message={error} error />
      {label === undefined && <p>{t("read.none")}</p>}
      {label !== undefined && !label.ok && <IssueList issues={label.issues} />}
      {parsed !== undefined && (
        <div class="columns">
          <div class="main-column">
            {bestBefore?.ok && (
              <section aria-labelledby="best-before-title" data-testid="best-before">
                <h3 id="best-before-title">{t("read.bestBefore", { date: bestBefore.value.bestBefore })}</h3>
                <p>{t("read.status", { status: t(`read.status.${bestBefore.value.status}`) })}</p>
                <p>{t(`read.labelKind.${bestBefore.value.label}`)}</p>
                <h4>{t("read.factors")}</h4>
                <ul>
                  {bestBefore.value.contributions.map((c) => (
                    <li key={c.factor + c.explanation} class={`direction-${c.direction}`}>
                      {c.explanation}
                    </li>
                  ))}
                </ul>
                <h4>{t("read.inspection")}</h4>
                <ol>
                  {bestBefore.value.inspection.map((s) => (
                    <li key={s.id}>
                      {s.action}
                      <br />
                      <span class="hint">{s.why}</span>
                    </li>
                  ))}
                </ol>
              </section>
            )}
            {bestBefore !== undefined && !bestBefore.ok && <IssueList issues={bestBefore.issues} />}
            {bestBefore === undefined && <p data-testid="best-before">{t("read.noLifecycle")}</p>}
            <section aria-labelledby="signatures-title" data-testid="signatures">
              <h3 id="signatures-title">{t("read.signatures")}</h3>
              {(parsed.signatures ?? []).length === 0 ? (
                <p>{t("read.unsigned")}</p>
              ) : keys === undefined ? (
                <p>{t("read.noKeys")}</p>
              ) : verification?.issues !== undefined ? (
                <IssueList issues={verification.issues} />
              ) : verification?.value !== undefined ? (
                <>
                  <p class={verification.value.valid ? "good" : "bad"}>
                    {verdictOf(verification.value, verification.signaturesStand === true)}
                  </p>
                  <ul>
                    {verification.value.signatures.map((s) => (
                      <li key={s.kid}>
                        {t("read.signature", {
                          signer: s.signer ?? t("read.signerUnknown"),
                          role: t(`read.role.${s.role ?? "unknown"}`),
                          kid: s.kid,
                          verdict: s.valid
                            ? t("read.signatureVerified")
                            : t("read.signatureFailed", { reason: t(`read.reason.${s.reason ?? "bad-signature"}`) }),
                        })}
                      </li>
                    ))}
                  </ul>
                  {verification.value.status !== undefined && <p>{statusLine(verification.value.status)}</p>}
                </>
              ) : null}
            </section>
            {capture !== undefined && (
              <section aria-labelledby="traffic-title" data-testid="traffic">
                <h3 id="traffic-title">{t("read.traffic")}</h3>
                {profile !== undefined && !profile.ok ? (
                  <IssueList issues={profile.issues} />
                ) : traffic === undefined ? (
                  <p>{t("read.trafficNone")}</p>
                ) : !traffic.ok ? (
                  <IssueList issues={traffic.issues} />
                ) : (
                  <>
                    <p>
                      {t("read.trafficSummary", {
                        hosts: traffic.value.hosts.length,
                        status: t(`read.tier.${traffic.value.status}`),
                      })}
                    </p>
                    <ul>
                      {traffic.value.findings.map((f) => (
                        <li key={`${f.kind}:${f.host}`} class={`tier-${f.tier}`}>
                          <strong>{t(`read.tier.${f.tier}`)}</strong>:{" "}
                          {/* The explanation names its host as a rule; else the host comes first. */}
                          {f.explanation.startsWith(`${f.host} `) ? f.explanation : `${f.host}: ${f.explanation}`}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            )}
          </div>
          <div class="side-column label-view label-only">
            {svg?.ok ? (
              // The renderer escapes every text it writes (and writes no script or style), so its
              // SVG is shown as it is.
              <div class="label-svg" data-testid="label-svg" dangerouslySetInnerHTML={{ __html: svg.value }} />
            ) : (
              svg !== undefined && <IssueList issues={svg.issues} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
