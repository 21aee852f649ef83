import type { Context } from "../context.js";
import { choice, emit, positional } from "../context.js";
import { issueLine, readDocument, readText, UsageError } from "../io.js";
import { oneLine } from "../terminal.js";
import { json, readLabel } from "./shared.js";

/** `miotsec label validate <label>`. */
export async function validateCommand(context: Context): Promise<number> {
  const [file] = positional(context, "a label file") as [string];
  const { io, options } = context;
  const doc = await readDocument(file);
  const { parseLabel } = await import("@miotsec/label");
  const r = parseLabel(doc);
  if (options.json) io.out(json(r.ok ? { valid: true } : { valid: false, issues: r.issues }));
  if (r.ok) {
    if (!options.json) io.out(`${oneLine(file)}: ${context.style.good("valid")}\n`);
    return 0;
  }
  if (!options.json) io.err(`miotsec: ${oneLine(await issueLine(file, r.issues, "more; --json lists them"))}\n`);
  return 2;
}

/** `miotsec label render <label>`. */
export async function renderCommand(context: Context): Promise<number> {
  const [file] = positional(context, "a label file") as [string];
  const format = choice("format", context.options.format, ["svg", "html"], "svg");
  const doc = await readDocument(file);
  const render = await import("@miotsec/render");
  // With --keys, the label shows who signed it and whether that verified; the renderer verifies nothing itself.
  const verification =
    context.options.keys === undefined
      ? undefined
      : await (await import("./trust.js")).verificationOf(context, file, doc);
  // With --vex (and --kev), the date moves as best-before moves it, and the label says how many are open.
  // The statements are matched to the device the document names, read once above; a document that
  // is not a label gets no statements here and is refused by the renderer below, with its issues.
  let known = {};
  if (context.options.vex !== undefined || context.options.kev !== undefined) {
    const label = (await import("@miotsec/label")).parseLabel(doc);
    if (label.ok) known = await (await import("./best-before.js")).vulnerabilitiesOf(context, label.value);
  }
  const r = (format === "svg" ? render.renderLabelSvg : render.renderLabelHtml)(doc, {
    asOf: context.asOf,
    ...(verification === undefined ? {} : { verification }),
    ...known,
  });
  if (!r.ok) throw new UsageError(await issueLine(r.issues[0]?.path[0] === "asOf" ? "--as-of" : file, r.issues));
  await emit(context, r.value, "markup");
  return 0;
}

const certificationFields = ["authorizationDate", "authorizedBy", "testedBy", "created", "modified"] as const;

/** `miotsec label export <label> --format …`. */
export async function exportCommand(context: Context): Promise<number> {
  const [file] = positional(context, "a label file") as [string];
  const { options } = context;
  if (options.format === undefined)
    throw new UsageError("label export needs --format cyclonedx, cta-2120, mud or json-schema");
  const format = choice("format", options.format, ["cyclonedx", "cta-2120", "mud", "json-schema"], "cyclonedx");
  const labels = await import("@miotsec/label");
  if (format === "json-schema") {
    // The label's own schema; the file is still read, so a wrong path is not silently ignored.
    readText(file);
    await emit(context, json(labels.labelJsonSchema()));
    return 0;
  }
  const label = await readLabel(file);
  if (format === "cyclonedx") {
    const bom = labels.toCycloneDx(label);
    if (!bom.ok) throw new UsageError(await issueLine(file, bom.issues));
    await emit(context, json(bom.value));
    return 0;
  }
  if (format === "mud") {
    const made = labels.toMud(label);
    if (!made.ok) throw new UsageError(await issueLine(file, made.issues));
    const { mud, notExpressible } = made.value;
    await emit(context, json(mud));
    if (notExpressible.length > 0)
      context.io.err(
        `miotsec: ${oneLine(`${file}: MUD names exact hosts only; not in the MUD file: ${notExpressible.join(", ")}`)}\n`,
      );
    return 0;
  }
  const certificationFile = options.certification;
  if (certificationFile === undefined)
    throw new UsageError(
      `cta-2120 needs --certification FILE with ${certificationFields.join(", ")} (miotsec label export --help)`,
    );
  const certification = await readDocument(certificationFile);
  const r = labels.toCyberTrustMark(label, certification as never);
  if (!r.ok) {
    // The certification file's issues are about its own fields (or the whole of it); the rest about the label.
    const head = r.issues[0]?.path[0];
    const ofCertification = head === undefined || (certificationFields as readonly unknown[]).includes(head);
    throw new UsageError(await issueLine(ofCertification ? certificationFile : file, r.issues));
  }
  await emit(context, json(r.value));
  return 0;
}
