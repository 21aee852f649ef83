import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { example, file, labelFile, miotsec } from "./fixtures.test-support.js";

const usbc = labelFile("ultrasound-usbc");
const wifi = labelFile("ultrasound-wifi");
const countries = example("traffic/countries.json");

describe("miotsec check-traffic", () => {
  it("finds the §VI traffic of both scanners declared by their labels, from HAR and from a list", async () => {
    const r = await miotsec("check-traffic", usbc, example("traffic/ultrasound-usbc.har"), "--countries", countries);
    expect(r).toMatchObject({ code: 0, err: "" });
    // The paper gives no location for Google's Firebase hosts: the example says so, not a country.
    expect(r.out).toContain(
      "affirming: 7 hosts; third parties: 7 hosts of 5 parties: googleapis.com, launchdarkly.com, amazonaws.com, crashlytics.com, segment.com; server countries: US; country not reported for 3 hosts",
    );
    // The paper counts four companies: the organisations map names them.
    const flows = await miotsec(
      "check-traffic",
      usbc,
      example("traffic/ultrasound-usbc.flows.json"),
      "--countries",
      countries,
      "--organisations",
      example("traffic/organisations.json"),
    );
    expect(flows).toMatchObject({ code: 0, err: "" });
    expect(flows.out).toContain(
      "7 hosts of 4 organisations: Google, LaunchDarkly, Amazon Web Services, Segment; server countries: US; country not reported for 3 hosts",
    );
    const list = await miotsec("check-traffic", wifi, example("traffic/ultrasound-wifi.observed.json"), "--json");
    // The label keeps personal data in the EU; the cloud answered from Canada: the paper's GDPR point.
    expect(list.code).toBe(1);
    expect(JSON.parse(list.out)).toMatchObject({ status: "contraindicated", countries: ["CA"] });
    expect(JSON.parse(list.out).findings.map((f: { kind: string }) => f.kind)).toEqual([
      "outside-declared-residency",
      "outside-declared-residency",
    ]);
  });

  it("exits 1 on an undeclared third party and TLS below what the label declares", async () => {
    const har = JSON.parse(readFileSync(example("traffic/ultrasound-wifi.har"), "utf8"));
    har.log.entries.push({ request: { url: "http://api.segment.io/v1/batch" } });
    har.log.entries.push({
      request: { url: "https://cloud.wireless-scanner.example/x" },
      _securityDetails: { protocol: "TLS 1.0" },
    });
    const capture = file("leaky.har", JSON.stringify(har));
    const r = await miotsec(
      "check-traffic",
      wifi,
      capture,
      "--countries",
      file("c.json", '{"api.segment.io":"US"}'),
      "--json",
    );
    expect(r.code).toBe(1);
    const kinds = JSON.parse(r.out).findings.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["undeclared-third-party", "tls-below-declared", "tls-below-1.2"]));
    expect(JSON.parse(r.out).status).toBe("contraindicated");
    const text = await miotsec("check-traffic", wifi, capture);
    expect(text.out).toMatch(/^ {2}FAIL api\.segment\.io: /mu);
  });

  it("answers a bad country file or a HAR without entries with exit 2 and one line", async () => {
    const har = example("traffic/ultrasound-wifi.har");
    const bad = await miotsec("check-traffic", wifi, har, "--countries", file("bad-c.json", '{"a.example":"XX"}'));
    expect(bad).toMatchObject({ code: 2, out: "" });
    expect(bad.err).toContain('$["a.example"]: not an ISO 3166-1 alpha-2 code');
    const empty = await miotsec("check-traffic", wifi, file("nolog.har", '{"log":{}}'));
    expect(empty).toMatchObject({ code: 2, out: "" });
    expect(empty.err).toContain("$.log.entries");
    // A map file's issue is named in that file, not as the library's option.
    const tls = file("tls.json", '{"cloud.wireless-scanner.example":"1.4"}');
    expect((await miotsec("check-traffic", wifi, har, "--tls", tls)).err).toBe(
      `miotsec: ${tls}: $["cloud.wireless-scanner.example"] must be one of "none", "1.0", "1.1", "1.2", "1.3".\n`,
    );
    const names = file("org.json", '{"amazonaws.com":""}');
    expect((await miotsec("check-traffic", wifi, har, "--organisations", names)).err).toContain(
      `${names}: $["amazonaws.com"]`,
    );
    expect((await miotsec("check-traffic", wifi, har, "--organisations", tls)).code).toBe(0);
  });
});

describe("miotsec label export", () => {
  it("exports CycloneDX, MUD and the JSON Schema", async () => {
    const bom = JSON.parse((await miotsec("label", "export", usbc, "--format", "cyclonedx")).out);
    expect(bom).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6" });
    const mud = await miotsec("label", "export", wifi, "--format", "mud");
    expect(mud.code).toBe(0);
    expect(JSON.parse(mud.out)["ietf-mud:mud"]["mud-version"]).toBe(1);
    expect(mud.err).toContain("not in the MUD file: *.amazonaws.com");
    const schema = JSON.parse((await miotsec("label", "export", wifi, "--format", "json-schema")).out);
    expect(schema).toEqual(JSON.parse((await miotsec("schema", "label")).out));
  });

  it("exports the Cyber Trust Mark data with the certification facts, and asks for them without", async () => {
    const without = await miotsec("label", "export", labelFile("infusion-pump-full"), "--format", "cta-2120");
    expect(without).toMatchObject({ code: 2, out: "" });
    expect(without.err).toContain("--certification FILE");
    const certification = file(
      "cert.yaml",
      [
        'authorizationDate: "2026-10-01"',
        "authorizedBy: { name: Example CLA, contact: cla@example.org }",
        "testedBy: { name: Example Lab, contact: lab@example.org }",
        'created: "2026-10-01T00:00:00Z"',
        'modified: "2026-11-28T00:00:00Z"',
      ].join("\n"),
    );
    const r = await miotsec(
      "label",
      "export",
      labelFile("infusion-pump-full"),
      "--format",
      "cta-2120",
      "--certification",
      certification,
    );
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(JSON.stringify(JSON.parse(r.out))).toContain("Example Lab");
    const partial = await miotsec(
      "label",
      "export",
      wifi,
      "--format",
      "cta-2120",
      "--certification",
      file("c2.json", "{}"),
    );
    expect(partial.err).toContain(": $.authorizationDate is required but missing.");
    // The example's certification file works; broken ones are refused with exit 2 and the path.
    const shipped = example("certification/ultrasound-wifi.certification.yaml");
    const exported = await miotsec("label", "export", wifi, "--format", "cta-2120", "--certification", shipped);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).authorized_by).toEqual({
      name: "Example Cybersecurity Label Administrator",
      contact: "cla@example.org",
    });
    const good = {
      authorizationDate: "2026-10-20",
      authorizedBy: { name: "CLA", contact: "cla@example.org" },
      testedBy: { name: "Lab", contact: "lab@example.org" },
      created: "2026-10-20T09:00:00Z",
      modified: "2026-11-02T14:30:00+01:00",
    };
    for (const [bad, path] of [
      [{ ...good, authorizedBy: "CLA" }, "$.authorizedBy"],
      [{ ...good, testedBy: null }, "$.testedBy"],
      [{ ...good, created: "2026-10-20T09:00:00" }, "$.created"],
      [null, "$"],
    ] as const) {
      const certificate = file("bad.certification.json", JSON.stringify(bad));
      const r = await miotsec("label", "export", wifi, "--format", "cta-2120", "--certification", certificate);
      expect(r.code, path).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.startsWith(`miotsec: ${certificate}: ${path} `), r.err).toBe(true);
      expect(r.err.split("\n")).toHaveLength(2);
    }
    expect((await miotsec("label", "export", wifi)).err).toContain("needs --format");
    expect((await miotsec("label", "export", wifi, "--format", "spdx")).code).toBe(2);
  });
});
