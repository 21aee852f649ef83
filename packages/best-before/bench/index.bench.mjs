// One typical device: 5 components and 20 updates. The baseline is a hand-written calculation
// over the same facts, already parsed: epoch days, the same factors and caps, no validation and
// no explanations (the practical floor). The issue's goal: 500,000 computations/s on one core.
// Two cases of computeBestBefore: on raw facts (checked on every call) and on facts checked once
// by parseLifecycleFacts (a fleet judged every day, the same facts on many dates).
import { computeBestBefore, parseLifecycleFacts, parseVulnerabilityStatements } from "@miotsec/best-before";
import { compare } from "../../../scripts/bench.mjs";

const facts = JSON.parse(
  JSON.stringify({
    manufacturingDate: "2023-03-14",
    purchaseDate: "2023-06-01",
    supportPeriodEnd: "2030-03-14",
    endOfSecurityUpdates: false,
    endOfSale: false,
    stillPurchasable: true,
    productLineActive: true,
    newVariants: 2,
    manufacturerAverageEndOfLifeYears: 8,
    updates: Array.from({ length: 20 }, (_, i) => ({
      date: `20${23 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-15`,
      security: i % 3 !== 2,
    })),
    components: [
      {
        name: "battery",
        ratedHours: 20000,
        ratedTemperatureC: 25,
        useTemperatureC: 32,
        activationEnergyEv: 0.7,
        dutyCycle: 0.4,
      },
      { name: "fan", mtbfHours: 70000 },
      { name: "display", ratedHours: 50000, dutyCycle: 0.3 },
      { name: "probe", weibull: { beta: 2.1, etaHours: 60000 } },
      { name: "flash", ratedHours: 100000 },
    ],
  }),
);

const parsed = parseLifecycleFacts(facts);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const checked = parsed.value;

const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const addMonths = (iso, m) => {
  const t = +iso.slice(0, 4) * 12 + +iso.slice(5, 7) - 1 + m;
  const y = Math.floor(t / 12);
  const mo = t - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return Date.UTC(y, mo, Math.min(+iso.slice(8, 10), last)) / 86400000;
};
function floor(f) {
  const security = [...new Set(f.updates.filter((u) => u.security).map((u) => u.date))].sort();
  const months =
    24 +
    Math.min(security.length, 12) +
    (f.stillPurchasable ? 6 : 0) +
    (f.productLineActive ? 6 : 0) +
    Math.min(f.newVariants, 6);
  let d = addMonths(f.manufacturingDate, months);
  d = Math.max(d, addMonths(security[security.length - 1], 12));
  d = Math.min(
    d,
    day(f.supportPeriodEnd),
    day(f.manufacturingDate) + Math.floor(f.manufacturerAverageEndOfLifeYears * 365.2425),
  );
  let shortest = Infinity;
  for (const c of f.components) {
    const life = c.weibull
      ? c.weibull.etaHours * 0.10536 ** (1 / c.weibull.beta)
      : (c.ratedHours ?? c.mtbfHours * 0.10536);
    const af =
      c.useTemperatureC === undefined
        ? 1
        : Math.exp(
            (c.activationEnergyEv / 8.617e-5) * (1 / (c.useTemperatureC + 273.15) - 1 / (c.ratedTemperatureC + 273.15)),
          );
    shortest = Math.min(shortest, Math.floor((life * af) / (c.dutyCycle ?? 1) / 24));
  }
  d = Math.min(d, day(f.manufacturingDate) + shortest, addMonths(f.manufacturingDate, 120));
  return d;
}

const baseline = {
  name: "baseline: hand-written calculation, parsed facts, no explanations",
  fn: () => floor(facts),
};
// Facts checked once first, on their own: a fleet judged every day computes from checked facts
// only. Raw facts afterwards; once compute has seen both the frozen checked facts and fresh
// parsed ones, it runs on both kinds of object, which costs the checked case about 1 µs more.
await compare("@miotsec/best-before: one typical device (5 components, 20 updates), facts checked once", [
  baseline,
  {
    name: "computeBestBefore on facts from parseLifecycleFacts (checked once)",
    fn: () => computeBestBefore(checked, { asOf: "2026-11-28" }),
  },
]);
await compare("@miotsec/best-before: one typical device (5 components, 20 updates), raw facts", [
  baseline,
  {
    name: "computeBestBefore on raw facts (checked every call, every contribution explained)",
    fn: () => computeBestBefore(facts, { asOf: "2026-11-28" }),
  },
  {
    name: "computeBestBefore on facts from parseLifecycleFacts, after raw facts",
    fn: () => computeBestBefore(checked, { asOf: "2026-11-28" }),
  },
]);

// A device with 100 vulnerability statements (a quarter each affected, fixed, not affected,
// under investigation), checked once by parseVulnerabilityStatements as parseVex checks them.
// The issue's goal: 100,000 computations/s. The floor is hand-written: the device's date from
// the floor above, then the earliest publication plus the 60-day window over the affected
// statements that the device has no fix for, on parsed dates, without explanations.
const vulnFacts = parseLifecycleFacts({
  manufacturingDate: "2025-03-10",
  supportPeriodEnd: "2030-03-10",
  updates: [{ date: "2026-06-15", security: true, version: "4.2.1" }],
}).value;
const statuses = ["affected", "fixed", "not-affected", "under-investigation"];
const statements = parseVulnerabilityStatements(
  Array.from({ length: 100 }, (_, i) => ({
    id: `CVE-2026-${10000 + i}`,
    aliases: [],
    status: statuses[i % 4],
    severity: "high",
    fixedIn: ["4.3.0"],
    published: `2026-${String((i % 11) + 1).padStart(2, "0")}-02`,
    source: { format: "openvex", document: "bench" },
  })),
).value;
const parsedStatements = statements.map((s) => ({ ...s, day: day(s.published) }));
const onRecord = new Set(["4.2.1"]);
function vulnFloor() {
  let d = day("2028-03-10");
  for (const s of parsedStatements)
    if (s.status === "affected" && !s.fixedIn.some((v) => onRecord.has(v))) d = Math.min(d, s.day + 60);
  return d;
}
await compare("@miotsec/best-before: a device with 100 vulnerability statements, checked once", [
  { name: "baseline: hand-written floor, parsed statements, no explanations", fn: vulnFloor },
  {
    name: "computeBestBefore with 100 checked statements",
    fn: () => computeBestBefore(vulnFacts, { asOf: "2026-12-02", vulnerabilities: statements }),
  },
]);
