// A small harness over mitata's `measure`: runs each case of a comparison in the same process,
// one after the other, and prints a Markdown table of time per operation, operations per
// second and the ratio to the first case (the baseline). Ratios, not absolute times, are what
// docs/benchmarks.md reports: they hold across machines far better than seconds do.
import { do_not_optimize, measure } from "mitata";

/**
 * @param {string} title
 * @param {Array<{ name: string, fn: () => unknown, opsPerCall?: number }>} cases the first is the baseline
 */
export async function compare(title, cases) {
  const rows = [];
  let baseline;
  for (const c of cases) {
    const stats = await measure(() => do_not_optimize(c.fn()), { min_cpu_time: 500 * 1e6 });
    const perOp = stats.avg / (c.opsPerCall ?? 1);
    baseline ??= perOp;
    rows.push({ name: c.name, perOp, ratio: perOp / baseline });
  }
  console.log(`\n### ${title}\n`);
  console.log("| case | time per op | ops/s | ratio to baseline |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(`| ${r.name} | ${formatTime(r.perOp)} | ${formatRate(1e9 / r.perOp)} | ${r.ratio.toFixed(2)} x |`);
  }
  return rows;
}

function formatTime(ns) {
  if (ns < 1e3) return `${ns.toFixed(1)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}

function formatRate(perSecond) {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(0);
}
