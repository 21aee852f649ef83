import type { VulnerabilityStatement } from "@miotsec/best-before";
import type { DeviceLabel } from "@miotsec/label";
import type { Context } from "../context.js";
import { positional } from "../context.js";
import { issueLine, readDocument, UsageError } from "../io.js";
import { tierStyle } from "../style.js";
import { oneLine } from "../terminal.js";
import { inWords, labelWords, statusWords } from "../words.js";
import { json, readLabel } from "./shared.js";

/**
 * The vulnerability statements of `--vex` files about the label's device (named by its package
 * URL, CPE and CSAF product id), and the ids of a `--kev` file: a JSON list of ids, or a catalog
 * in the shape of CISA's Known Exploited Vulnerabilities (`vulnerabilities[].cveID`).
 */
export async function vulnerabilitiesOf(
  context: Context,
  label: DeviceLabel,
): Promise<{ vulnerabilities?: VulnerabilityStatement[]; knownExploited?: string[] }> {
  const { vex = [], kev } = context.options;
  const ids = label.identity.identifiers;
  const product = {
    ...(ids.purl === undefined ? {} : { purl: ids.purl }),
    ...(ids.cpe === undefined ? {} : { cpe: ids.cpe }),
    ...(ids.csafProductId === undefined ? {} : { csafProductIds: [ids.csafProductId] }),
  };
  const out: { vulnerabilities?: VulnerabilityStatement[]; knownExploited?: string[] } = {};
  if (vex.length > 0) {
    if (Object.keys(product).length === 0)
      throw new UsageError("--vex needs the label to name its device: identity.identifiers.purl, cpe or csafProductId");
    const { parseVex } = await import("@miotsec/best-before/vex");
    out.vulnerabilities = [];
    for (const file of vex) {
      const r = parseVex(await readDocument(file), product);
      if (!r.ok) throw new UsageError(await issueLine(file, r.issues));
      out.vulnerabilities.push(...r.value);
    }
  }
  if (kev !== undefined) {
    const doc = (await readDocument(kev)) as unknown;
    const list = Array.isArray(doc)
      ? doc
      : typeof doc === "object" && doc !== null && Array.isArray((doc as { vulnerabilities?: unknown }).vulnerabilities)
        ? (doc as { vulnerabilities: unknown[] }).vulnerabilities.map((v) =>
            typeof v === "object" && v !== null ? (v as { cveID?: unknown }).cveID : v,
          )
        : undefined;
    if (list === undefined || !list.every((id) => typeof id === "string" && id.length > 0 && id.length <= 200))
      throw new UsageError(
        `${kev}: must be a JSON list of vulnerability ids, or a catalog with vulnerabilities[].cveID`,
      );
    out.knownExploited = list as string[];
  }
  return out;
}

/**
 * `miotsec best-before <label>`: the date, its status, every factor that moved it, and, once
 * the date is near or past, what to do on the inspection day.
 */
export async function bestBeforeCommand(context: Context): Promise<number> {
  const [file] = positional(context, "a label file") as [string];
  const { io, style } = context;
  const label = await readLabel(file);
  if (typeof label.lifecycle !== "object")
    throw new UsageError(`${file}: $.lifecycle: the label does not disclose its lifecycle facts`);
  const { computeBestBefore } = await import("@miotsec/best-before");
  const known = await vulnerabilitiesOf(context, label);
  const r = computeBestBefore(label.lifecycle, { asOf: context.asOf, ...known });
  if (!r.ok) throw new UsageError(await issueLine("--as-of", r.issues));
  const b = r.value;
  if (context.options.json) io.out(json(b));
  else {
    const status = tierStyle(style, b.status)(inWords(statusWords, b.status));
    const days = b.daysRemaining >= 0 ? `${b.daysRemaining} days left` : `${-b.daysRemaining} days ago`;
    io.out(
      `${oneLine(file)}: best before inspection ${style.bold(b.bestBefore)}, ${status} (${days}); ${inWords(labelWords, b.label)}\n`,
    );
    for (const reason of b.labelReasons) io.out(`  ${oneLine(reason)}\n`);
    for (const c of b.contributions)
      io.out(`  ${`${c.days >= 0 ? "+" : ""}${c.days}`.padStart(5)} days  ${oneLine(c.explanation)}\n`);
    // The paper's actions for the day itself, once it is near or past.
    if (b.status !== "valid") {
      io.out("  On the inspection day:\n");
      for (const step of b.inspection) io.out(`  - ${oneLine(step.action)} ${oneLine(step.why)}\n`);
    }
  }
  return b.status === "expired" ? 1 : 0;
}
