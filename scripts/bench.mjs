// A small harness over mitata's `measure`: runs the cases of a comparison in the same process,
// in turns: each round measures every case once, one after the other, and five rounds are run.
// A case's time is the median over the rounds of its median sample; its ratio is the median
// over the rounds of its time divided by the baseline's time in the same round, so that a burst
// of load on the (shared) machine moves one round, not the result. The table shows the lowest and
// highest of those per-round ratios too. Run it with `node --expose-gc` (every package's `bench`
// script does): mitata then collects garbage before each measurement, so that one case's garbage
// is not collected on the next case's time. Ratios, not absolute times, are what
// docs/benchmarks.md reports: they hold across machines far better than seconds do.
import { do_not_optimize, measure } from "mitata";

const rounds = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * @param {string} title
 * @param {Array<{ name: string, fn: () => unknown, async?: boolean, opsPerCall?: number, minSamples?: number }>} cases the first is
 *   the baseline; `async` marks a case whose `fn` returns a promise, which is then awaited in the
 *   measured time; `minSamples` (default mitata's 12) lowers the samples of a case whose one call takes seconds
 */
export async function compare(title, cases) {
  const times = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [k, c] of cases.entries()) {
      const stats = await measure(c.async ? async () => do_not_optimize(await c.fn()) : () => do_not_optimize(c.fn()), {
        min_cpu_time: 150 * 1e6,
        ...(c.minSamples === undefined ? {} : { min_samples: c.minSamples }),
      });
      times[k].push(stats.p50 / (c.opsPerCall ?? 1));
    }
  }
  const rows = cases.map((c, k) => {
    const ratios = times[k].map((t, round) => t / times[0][round]);
    return {
      name: c.name,
      perOp: median(times[k]),
      ratio: median(ratios),
      low: Math.min(...ratios),
      high: Math.max(...ratios),
    };
  });
  console.log(`\n### ${title}\n`);
  console.log("| case | time per op | ops/s | ratio to baseline | lowest to highest round |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${formatTime(r.perOp)} | ${formatRate(1e9 / r.perOp)} | ${r.ratio.toFixed(2)} x | ${r.low.toFixed(2)} to ${r.high.toFixed(2)} x |`,
    );
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
