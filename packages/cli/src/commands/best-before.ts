import type { Context } from "../context.js";
import { positional } from "../context.js";
import { issueLine, UsageError } from "../io.js";
import { tierStyle } from "../style.js";
import { oneLine } from "../terminal.js";
import { inWords, labelWords, statusWords } from "../words.js";
import { json, readLabel } from "./shared.js";

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
  const r = computeBestBefore(label.lifecycle, { asOf: context.asOf });
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
