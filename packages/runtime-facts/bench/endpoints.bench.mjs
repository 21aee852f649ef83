// compareEndpoints at 10,000, 100,000 and 1,000,000 observed connections. The baseline is the
// same call at 10,000 connections; every case reports its time per connection, so a ratio near 1
// at a million means the time grows with the connections (the sort adds its log), and a ratio
// near 100 would mean it grows with their square, as it did before.
import { compareEndpoints } from "@miotsec/runtime-facts/endpoints";
import { compare } from "../../../scripts/bench.mjs";

// The declarations of the wired scanner of §VI of the paper, and more of the same shape.
const declared = [
  { host: "cloud.wired-scanner.example", port: 443, country: "US", tlsMinimum: "1.2", thirdParty: false },
  { host: "*.wired-scanner.example", port: 443, country: "US", tlsMinimum: "1.2", thirdParty: false },
  { host: "*.amazonaws.com", port: 443, country: "US", thirdParty: true },
  ...Array.from({ length: 200 }, (_, i) => ({ host: `api${i}.partner.example`, port: 443, thirdParty: true })),
].map((d) => ({ protocol: "https", purpose: "sync", operator: "o", dataCategories: [], ...d }));

const tls = ["1.3", "1.2", "1.1", undefined];
const countries = ["US", "DE", undefined];
/** Connections to 20,000 distinct hosts (declared, covered by a wildcard, undeclared), ports, TLS and countries. */
function connections(n) {
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 2654435761) % 20_000;
    const host =
      k % 4 === 0
        ? `n${k}.wired-scanner.example`
        : k % 4 === 1
          ? `api${k % 200}.partner.example`
          : k % 4 === 2
            ? `firehose.r${k}.amazonaws.com`
            : `t${k}.tracker.example`;
    const c = { host, port: k % 7 === 0 ? 8443 : 443 };
    const t = tls[k % 4];
    const country = countries[i % 3];
    if (t !== undefined) c.tls = t;
    if (country !== undefined) c.country = country;
    return c;
  });
}

const sizes = [10_000, 100_000, 1_000_000];
const inputs = new Map(sizes.map((n) => [n, connections(n)]));
for (const [n, input] of inputs) {
  const r = compareEndpoints(declared, input);
  if (!r.ok) throw new Error(`compareEndpoints refused the ${n} connections`);
}

await compare(
  "@miotsec/runtime-facts: compareEndpoints, time per observed connection",
  sizes.map((n) => ({
    name: n === sizes[0] ? `baseline: ${n.toLocaleString("en")} connections` : `${n.toLocaleString("en")} connections`,
    fn: () => compareEndpoints(declared, inputs.get(n)),
    opsPerCall: n,
    // A call at a million connections takes seconds: two samples a round are enough.
    minSamples: n >= 1_000_000 ? 2 : n >= 100_000 ? 4 : undefined,
  })),
);
