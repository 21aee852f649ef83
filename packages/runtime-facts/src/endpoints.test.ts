import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compareEndpoints, indexDeclared, matchesOf } from "./endpoints.js";
import { scannerProfile } from "./fixtures.test-support.js";
import { captureKind, parseHar, parseMitmproxyFlows } from "./har.js";
import { runtimeFactsIssueCodes } from "./issue-codes.js";
import type { DeclaredEndpoint } from "./profile.js";

// The §VI test: the scanner apps talked to Crashlytics, LaunchDarkly, AWS Firehose and Segment.
const har = {
  log: {
    version: "1.2",
    creator: { name: "mitmproxy", version: "10" },
    entries: [
      {
        request: { url: "https://eu.scanner-cloud.example/upload" },
        serverIPAddress: "192.0.2.10",
        _securityDetails: { protocol: "TLS 1.3" },
      },
      {
        request: { url: "https://firebase-settings.crashlytics.com/spi/v2" },
        _securityDetails: { protocol: "TLS 1.3" },
      },
      { request: { url: "https://app.launchdarkly.com/sdk/latest-all" }, _securityDetails: { protocol: "TLS 1.2" } },
      { request: { url: "https://firehose.us-east-1.amazonaws.com/" }, _securityDetails: { protocol: "TLS 1.2" } },
      { request: { url: "https://api.segment.io/v1/batch" }, _securityDetails: { protocol: "TLS 1.2" } },
      { request: { url: "https://api.segment.io/v1/batch" }, _securityDetails: { protocol: "TLS 1.2" } },
      { request: { url: "https://updates.scanner-vendor.example/fw" }, _securityDetails: { protocol: "TLS 1.2" } },
    ],
  },
};
const countries = {
  "eu.scanner-cloud.example": "DE",
  "firebase-settings.crashlytics.com": "US",
  "app.launchdarkly.com": "US",
  "firehose.us-east-1.amazonaws.com": "US",
  "api.segment.io": "US",
} as const;

describe("parseHar and compareEndpoints", () => {
  it("keeps a country unknown where none was reported, and says so of an undeclared third party", () => {
    const r = compareEndpoints([], [{ host: "tracker.example", port: 443, tls: "1.3" }]);
    expect(r).toMatchObject({ ok: true, value: { countries: [], countryNotReported: ["tracker.example"] } });
    if (r.ok) expect(r.value.findings[0]?.explanation).toMatch(/an undeclared third party, country not reported\.$/);
  });

  it("finds the paper's undeclared third parties, their countries and a TLS version below the declared minimum", () => {
    const connections = parseHar(har, { countries });
    expect(connections.ok && connections.value.length).toBe(6);
    if (!connections.ok) return;
    const r = compareEndpoints(scannerProfile.endpoints, connections.value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status).toBe("contraindicated");
    expect(r.value.thirdParties).toEqual([
      "api.segment.io",
      "app.launchdarkly.com",
      "firebase-settings.crashlytics.com",
      "firehose.us-east-1.amazonaws.com",
    ]);
    expect(r.value.countries).toEqual(["DE", "US"]);
    // The one host the countries map does not name is not given a country.
    expect(r.value.countryNotReported).toEqual(["updates.scanner-vendor.example"]);
    expect(r.value.findings.filter((f) => f.kind === "tls-below-declared").map((f) => f.host)).toEqual([
      "updates.scanner-vendor.example",
    ]);
    expect(r.value.findings.find((f) => f.host === "eu.scanner-cloud.example")?.kind).toBe("declared");
  });

  it("flags plain HTTP, old TLS, undeclared ports and countries", () => {
    const r = compareEndpoints(scannerProfile.endpoints, [
      { host: "eu.scanner-cloud.example", port: 8443, tls: "1.1", country: "CN" },
      { host: "10.0.0.7", port: 80, tls: "none" },
    ]);
    const kinds = r.ok ? r.value.findings.map((f) => `${f.host}:${f.kind}`) : [];
    expect(kinds).toEqual([
      "10.0.0.7:tls-below-1.2",
      "10.0.0.7:undeclared-host",
      "eu.scanner-cloud.example:tls-below-1.2",
      "eu.scanner-cloud.example:port-not-declared",
      "eu.scanner-cloud.example:country-not-declared",
      "eu.scanner-cloud.example:tls-below-declared",
    ]);
  });

  test.prop([
    fc.array(
      fc.record({
        host: fc.constantFrom("eu.scanner-cloud.example", "api.segment.io", "x.example"),
        port: fc.constantFrom(443, 80),
        tls: fc.constantFrom("1.2", "1.3", "none"),
      }),
      { maxLength: 10 },
    ),
  ])("the order and repetition of connections do not matter", (connections) => {
    const a = compareEndpoints(scannerProfile.endpoints, connections);
    const b = compareEndpoints(scannerProfile.endpoints, [...connections, ...connections].reverse());
    expect(b).toEqual(a);
  });

  it("answers bad captures with issues", () => {
    expect(parseHar({ log: {} })).toMatchObject({ ok: false, issues: [{ code: "missing", path: ["log", "entries"] }] });
    expect(parseHar({ log: { entries: [{ request: { url: "not a url" } }] } })).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-format" }],
    });
    expect(parseHar(JSON.parse('{"log":{"entries":[],"__proto__":{}}}'))).toMatchObject({
      ok: false,
      issues: [{ code: "forbidden-key" }],
    });
  });

  test.prop([fc.anything()])("answers any capture with issues of its own codes, never a throw", (input) => {
    const r = parseHar(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.filter((i) => !runtimeFactsIssueCodes.includes(i.code as never))).toEqual([]);
    // An empty list of connections is a valid observation; anything else here is not.
    const c = compareEndpoints(scannerProfile.endpoints, input);
    expect(c.ok).toBe(Array.isArray(input) && input.length === 0);
    if (!c.ok) expect(c.issues.filter((i) => !runtimeFactsIssueCodes.includes(i.code as never))).toEqual([]);
  });
});

describe("matching observed hosts to declarations", () => {
  const label = fc.constantFrom("a", "b", "api", "co", "uk", "example", "A", "");
  const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join("."));
  const declaration = fc.record({
    host: fc.oneof(
      host,
      host.map((h) => `*.${h}`),
    ),
    purpose: fc.string(),
  });

  /** The plain definition: a declaration covers its own host, `*.domain` any host with a label before `.domain`. */
  const covers = (pattern: string, observed: string) => {
    const p = pattern.toLowerCase();
    const h = observed.toLowerCase();
    return p.startsWith("*.") ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : p === h;
  };

  test.prop([fc.array(declaration, { maxLength: 12 }), host])(
    "finds exactly the declarations that cover a host, in the order they are declared",
    (declared, observed) => {
      const list = declared as unknown as DeclaredEndpoint[];
      expect(matchesOf(list, indexDeclared(list), observed)).toEqual(list.filter((d) => covers(d.host, observed)));
    },
  );
});

describe("arguments that are not what their types say", () => {
  const boom = () => {
    throw new Error("boom");
  };

  it.each([
    ["null", null],
    ["a list with a null", [null]],
    ["a declaration with a throwing getter", [Object.defineProperty({}, "host", { enumerable: true, get: boom })]],
    ["a Proxy whose traps throw", new Proxy([], { get: boom })],
  ])("compareEndpoints answers declarations that are %s with issues under declared", (_, declared) => {
    const r = compareEndpoints(declared as never, []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("declared");
  });

  it.each([
    ["a country that is not a code", { countries: { "api.segment.io": "USA" } }],
    ["a throwing getter", { countries: Object.defineProperty({}, "api.segment.io", { enumerable: true, get: boom }) }],
    ["a Map", { countries: new Map([["api.segment.io", "US"]]) }],
    ["a misspelt option", { country: {} }],
    ["null", null],
  ])("parseHar answers options with %s with issues", (_, options) => {
    expect(parseHar(har, options as never).ok).toBe(false);
  });

  it("parseHar never takes an inherited member for a country", () => {
    const r = parseHar(
      { log: { entries: [{ request: { url: "https://toString/" } }, { request: { url: "https://valueOf/" } }] } },
      { countries: {} },
    );
    expect(r.ok && r.value.every((c) => c.country === undefined)).toBe(true);
  });
});

describe("parties by the Public Suffix List", () => {
  const declared = (host: string) =>
    [
      {
        host,
        port: 443,
        protocol: "https",
        purpose: "uploads",
        operator: "Vendor",
        thirdParty: false,
        dataCategories: [],
      },
    ] as DeclaredEndpoint[];

  it.each([
    // A public suffix of two labels: the vendor and the tracker are two parties.
    ["*.vendor.co.uk", "collector.tracker.co.uk"],
    // A private suffix: every bucket of s3.amazonaws.com is a party of its own.
    ["assets.vendor.s3.amazonaws.com", "tracker.s3.amazonaws.com"],
    ["*.vendor.github.io", "tracker.github.io"],
  ])("with %s declared, %s is an undeclared third party", (host, observed) => {
    const r = compareEndpoints(declared(host), [{ host: observed, port: 443, tls: "1.3" }]);
    expect(r.ok && r.value.findings.map((f) => f.kind)).toEqual(["undeclared-third-party"]);
    expect(r.ok && r.value.status).toBe("contraindicated");
  });

  it.each([
    ["*.vendor.co.uk", "eu.vendor.co.uk.", "undeclared-host"],
    ["api.vendor.co.uk", "cdn.vendor.co.uk", "undeclared-host"],
    ["*.vendor.example", "10.0.0.1", "undeclared-host"],
  ])("with %s declared, %s is the vendor's own or cannot be placed", (host, observed, kind) => {
    const r = compareEndpoints(declared(host), [{ host: observed, port: 443, tls: "1.3" }]);
    expect(r.ok && r.value.findings.map((f) => f.kind)).toEqual([kind]);
  });
});

describe("third parties by organisation", () => {
  // The §VI capture of the wired scanner's app: seven hosts of four companies.
  const seen = [
    "firebase-settings.crashlytics.com",
    "firebaseinstallations.googleapis.com",
    "crashlyticsreports-pa.googleapis.com",
    "clientstream.launchdarkly.com",
    "mobile.launchdarkly.com",
    "firehose.us-east-1.amazonaws.com",
    "cdn-settings.segment.com",
  ].map((host) => ({ host, port: 443, tls: "1.2" as const }));
  const organisations = {
    "crashlytics.com": "Google",
    "googleapis.com": "Google",
    "launchdarkly.com": "LaunchDarkly",
    "amazonaws.com": "Amazon Web Services",
    "segment.com": "Segment",
  };

  it("counts the paper's four companies behind seven hosts, most hosts first", () => {
    const r = compareEndpoints([], seen, { organisations });
    expect(r.ok && r.value.thirdParties).toHaveLength(7);
    expect(r.ok && r.value.organisations.map((o) => [o.name, o.hosts.length])).toEqual([
      ["Google", 3],
      ["LaunchDarkly", 2],
      ["Amazon Web Services", 1],
      ["Segment", 1],
    ]);
  });

  it("groups a host under no listed domain by its registrable domain, and says it is not named", () => {
    const r = compareEndpoints([], seen, { organisations: { "segment.com": "Segment", "GoogleAPIs.com": "Google" } });
    if (!r.ok) throw new Error("fixture");
    expect(r.value.organisations.find((o) => o.name === "Google")).toEqual({
      name: "Google",
      named: true,
      hosts: ["crashlyticsreports-pa.googleapis.com", "firebaseinstallations.googleapis.com"],
    });
    expect(r.value.organisations.find((o) => o.name === "launchdarkly.com")).toMatchObject({ named: false });
    // The longest listed domain names a host.
    const longest = compareEndpoints([], seen, {
      organisations: { "amazonaws.com": "AWS", "firehose.us-east-1.amazonaws.com": "Kinesis" },
    });
    expect(longest.ok && longest.value.organisations.find((o) => o.name === "Kinesis")?.hosts).toEqual([
      "firehose.us-east-1.amazonaws.com",
    ]);
  });

  test.prop([
    fc.array(fc.constantFrom(...seen), { maxLength: 10 }),
    fc.dictionary(
      fc.constantFrom("googleapis.com", "crashlytics.com", "amazonaws.com", "com"),
      fc.string({ minLength: 1, maxLength: 8 }),
    ),
  ])("every third party is in exactly one organisation, whatever the map", (observed, map) => {
    const r = compareEndpoints([], observed, { organisations: map });
    if (!r.ok) throw new Error("fixture");
    const grouped = r.value.organisations.flatMap((o) => o.hosts).sort();
    expect(grouped).toEqual([...r.value.thirdParties]);
    for (let i = 1; i < r.value.organisations.length; i++)
      expect((r.value.organisations[i - 1]?.hosts.length ?? 0) >= (r.value.organisations[i]?.hosts.length ?? 0)).toBe(
        true,
      );
  });

  it.each([
    ["a name that is empty", { organisations: { "segment.com": "" } }],
    ["a Map", { organisations: new Map([["segment.com", "Segment"]]) }],
    ["a misspelt option", { organizations: {} }],
    ["null", null],
    ["a forbidden key", JSON.parse('{"organisations":{"__proto__":"x"}}')],
  ])("answers options with %s with issues under options", (_, options) => {
    const r = compareEndpoints([], seen, options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("options");
  });
});

describe("parseMitmproxyFlows and the tls map", () => {
  const flow = (host: string, scheme: string, tls: string | null, ip = "203.0.113.9") => ({
    type: "http",
    request: { scheme, host, port: scheme === "http" ? 80 : 443, pretty_host: host },
    server_conn: { tls_version: tls, peername: [ip, 443], address: [host, 443] },
  });

  it("reads host, port, the TLS version mitmproxy records and the maps' countries", () => {
    const r = parseMitmproxyFlows(
      [
        flow("api.segment.io", "https", "TLSv1.2"),
        flow("api.segment.io", "https", "TLSv1.2"),
        flow("old.example", "https", "TLSv1"),
        flow("plain.example", "http", null),
        flow("quic.example", "https", "SSLv3"),
        { type: "tcp", server_conn: { tls_version: null } },
      ],
      { countries: { "203.0.113.9": "DE" }, tls: { "quic.example": "1.3", "plain.example": "1.3" } },
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { host: "api.segment.io", port: 443, tls: "1.2", country: "DE" },
        { host: "old.example", port: 443, tls: "1.0", country: "DE" },
        { host: "plain.example", port: 80, tls: "none", country: "DE" },
        // An SSL version is not one of the versions compared: the map's answer stands in.
        { host: "quic.example", port: 443, tls: "1.3", country: "DE" },
      ],
    });
  });

  it("gives the §VI capture the same connections as its HAR export with the versions mapped", async () => {
    const { readFileSync } = await import("node:fs");
    const read = (name: string) =>
      JSON.parse(readFileSync(new URL(`../../../examples/traffic/${name}`, import.meta.url), "utf8"));
    const countries = read("countries.json");
    const fromFlows = parseMitmproxyFlows(read("ultrasound-usbc.flows.json"), { countries });
    const fromHar = parseHar(read("ultrasound-usbc.har"), { countries });
    expect(fromFlows.ok && fromFlows.value).toHaveLength(7);
    expect(fromFlows).toEqual(fromHar);
    // The HAR export of mitmproxy has no _securityDetails: the tls map gives what it lacks.
    const bare = structuredClone(read("ultrasound-usbc.har"));
    for (const entry of bare.log.entries) delete entry._securityDetails;
    const hosts = fromHar.ok ? fromHar.value.map((c) => c.host) : [];
    const mapped = parseHar(bare, { countries, tls: Object.fromEntries(hosts.map((h) => [h, "1.2"])) });
    expect(mapped).toEqual(fromHar);
    expect(
      parseHar(bare, { countries }).ok &&
        (parseHar(bare, { countries }) as { value: { tls?: string }[] }).value.every((c) => c.tls === undefined),
    ).toBe(true);
  });

  it.each([
    ["null", null],
    ["a flow whose request has no host", [{ request: { scheme: "https", port: 443 } }]],
    ["a port out of range", [{ request: { scheme: "https", host: "a.example", port: 70000 } }]],
    ["an object", { flows: [] }],
  ])("answers flows that are %s with issues", (_, flows) => {
    expect(parseMitmproxyFlows(flows).ok).toBe(false);
  });

  it.each([
    ["a version that is not one", { tls: { "a.example": "1.4" } }],
    ["a misspelt option", { TLS: {} }],
  ])("answers options with %s with issues under options", (_, options) => {
    const r = parseMitmproxyFlows([], options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("options");
    expect(parseHar({ log: { entries: [] } }, options as never).ok).toBe(false);
  });

  test.prop([
    fc.array(fc.record({ host: fc.domain(), https: fc.boolean(), tls: fc.constantFrom("TLSv1.2", "TLSv1.3", null) }), {
      maxLength: 8,
    }),
  ])("a plain scheme is always none, and every connection is distinct and sorted", (spec) => {
    const r = parseMitmproxyFlows(
      spec.map((s) => flow(s.host, s.https ? "https" : "http", s.tls)),
      { tls: Object.fromEntries(spec.map((s) => [s.host, "1.3"])) },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    for (const c of r.value) expect(c.tls === "none").toBe(c.port === 80);
    const keys = r.value.map((c) => JSON.stringify(c));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("what the label declares of data protection", () => {
  const endpoint = (host: string, thirdParty: boolean, dataCategories: string[]): DeclaredEndpoint => ({
    host,
    port: 443,
    protocol: "https",
    purpose: "storage",
    operator: thirdParty ? "Cloud" : "Vendor",
    thirdParty,
    dataCategories,
  });
  const declared = [
    endpoint("cloud.vendor.example", false, ["ultrasound images", "patient records"]),
    endpoint("metrics.tracker.example", true, ["device metadata"]),
  ];
  const kinds = (r: ReturnType<typeof compareEndpoints>) =>
    r.ok ? r.value.findings.map((f) => `${f.kind}:${f.tier}`) : r.issues.map((i) => i.code);

  it("finds the paper's GDPR point: a label that keeps data in the EU, a cloud in Canada", () => {
    const r = compareEndpoints(declared, [{ host: "cloud.vendor.example", port: 443, tls: "1.2", country: "CA" }], {
      residency: ["EU"],
    });
    expect(kinds(r)).toEqual(["outside-declared-residency:contraindicated"]);
    expect(r.ok && r.value.findings[0]?.explanation).toBe(
      "cloud.vendor.example answered from CA, outside where the label says data resides (EU), and carries ultrasound images, patient records.",
    );
    // Inside the EU, the EEA or a listed country, nothing to say; an unknown country is not judged.
    for (const [country, residency] of [
      ["DE", ["EU"]],
      ["NO", ["EEA"]],
      ["CH", ["EU", "CH"]],
    ] as const)
      expect(
        kinds(compareEndpoints(declared, [{ host: "cloud.vendor.example", country }], { residency: [...residency] })),
      ).toEqual(["declared:affirming"]);
    expect(kinds(compareEndpoints(declared, [{ host: "cloud.vendor.example" }], { residency: ["EU"] }))).toEqual([
      "declared:affirming",
    ]);
  });

  it("warns only, outside the residency, where what the connection carries is not personal data", () => {
    const observed = [{ host: "metrics.tracker.example", country: "US" }];
    expect(kinds(compareEndpoints(declared, observed, { residency: ["EU"] }))).toEqual([
      "outside-declared-residency:contraindicated",
    ]);
    const named = compareEndpoints(declared, observed, { residency: ["EU"], personalData: ["patient records"] });
    expect(kinds(named)).toEqual(["outside-declared-residency:warning"]);
  });

  it("finds plain text despite declared encryption, and a third party despite none declared", () => {
    const observed = [
      { host: "cloud.vendor.example", tls: "none" as const },
      { host: "metrics.tracker.example", tls: "1.3" as const },
    ];
    const r = compareEndpoints(declared, observed, { declared: { endToEndEncryption: true, noThirdParties: true } });
    expect(kinds(r)).toEqual([
      "tls-below-1.2:warning",
      "plain-text-despite-declared-encryption:contraindicated",
      "third-party-despite-declared-none:contraindicated",
    ]);
    expect(kinds(compareEndpoints(declared, observed, { declared: { endToEndEncryption: false } }))).toEqual([
      "tls-below-1.2:warning",
      "declared:affirming",
    ]);
  });

  test.prop([
    fc.array(
      fc.record({
        host: fc.constantFrom("cloud.vendor.example", "metrics.tracker.example", "x.other.example"),
        country: fc.constantFrom("DE", "CA", "US", "NO"),
        tls: fc.constantFrom("none", "1.2", "1.3"),
      }),
      { maxLength: 6 },
    ),
    fc.subarray(["EU", "EEA", "CA", "US"], { minLength: 1 }),
  ])("widening the residency never adds a residency finding", (observed, residency) => {
    const count = (r: ReturnType<typeof compareEndpoints>) =>
      r.ok ? r.value.findings.filter((f) => f.kind === "outside-declared-residency").length : -1;
    const narrow = compareEndpoints(declared, observed, { residency: residency.slice(0, 1) });
    const wide = compareEndpoints(declared, observed, { residency });
    expect(count(wide)).toBeLessThanOrEqual(count(narrow));
    expect(count(compareEndpoints(declared, observed))).toBe(0);
  });

  it.each([
    ["a region that is not one", { residency: ["EUR"] }],
    ["an empty residency", { residency: [] }],
    ["a declaration that is not a boolean", { declared: { endToEndEncryption: "yes" } }],
  ])("answers options with %s with issues under options", (_, options) => {
    const r = compareEndpoints(declared, [], options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path[0]).toBe("options");
  });
});

describe("captureKind", () => {
  it("tells mitmproxy's flows, observed connections and a HAR capture apart", () => {
    expect(captureKind(har)).toBe("har");
    expect(captureKind([{ type: "tcp", server_conn: { tls_version: "TLSv1.3" } }])).toBe("mitmproxy-flows");
    expect(captureKind([{ host: "a.example", port: 443 }, { request: { host: "b.example" } }])).toBe("mitmproxy-flows");
    expect(captureKind([{ host: "a.example", port: 443, tls: "1.3" }])).toBe("observed");
    expect(captureKind([])).toBe("observed");
  });

  test.prop([fc.anything()])("names a kind for any value, and a list only as flows or observed", (value) => {
    const kind = captureKind(value);
    expect(Array.isArray(value) ? ["mitmproxy-flows", "observed"] : ["har"]).toContain(kind);
  });

  it("calls a list it cannot read a HAR capture, for parseHar to answer", () => {
    const trap = new Proxy([], {
      get() {
        throw new Error("trap");
      },
    });
    expect(captureKind(trap)).toBe("har");
    expect(parseHar(trap)).toMatchObject({ ok: false });
  });
});
