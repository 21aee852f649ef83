import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { unwrap } from "@miotsec/core";
import { describe, expect, it } from "vitest";
import { toCycloneDx } from "./cyclonedx.js";
import { examples, labelOf } from "./fixtures.test-support.js";
import { toMud } from "./mud.js";

type Ace = {
  matches: {
    ipv4: Record<string, unknown>;
    tcp?: Record<string, { port: number }>;
    udp?: Record<string, { port: number }>;
  };
};
type Mud = {
  "ietf-mud:mud": Record<string, unknown>;
  "ietf-access-control-list:acls": { acl: Array<{ name: string; aces: { ace: Ace[] } }> };
};

describe("toMud", () => {
  test.prop([fc.constantFrom(...examples)])("allows exactly the declared endpoints, each both ways", (doc) => {
    const label = labelOf(doc);
    const { mud, notExpressible } = unwrap(toMud(label)) as unknown as { mud: Mud; notExpressible: string[] };
    const declared = typeof label.runtime === "object" ? label.runtime.endpoints : [];
    const [from, to] = mud["ietf-access-control-list:acls"].acl;
    const fromHosts = from?.aces.ace.map((a) => a.matches.ipv4["ietf-acldns:dst-dnsname"]) ?? [];
    const toHosts = to?.aces.ace.map((a) => a.matches.ipv4["ietf-acldns:src-dnsname"]) ?? [];
    const exact = declared.filter((e) => !e.host.startsWith("*.")).map((e) => e.host);
    expect(fromHosts).toEqual(exact);
    expect(toHosts).toEqual(exact);
    expect(notExpressible).toEqual(declared.filter((e) => e.host.startsWith("*.")).map((e) => e.host));
    const policy = mud["ietf-mud:mud"] as {
      "from-device-policy": { "access-lists": { "access-list": Array<{ name: string }> } };
    };
    expect(policy["from-device-policy"]["access-lists"]["access-list"][0]?.name).toBe(from?.name);
  });

  it("writes the RFC 8520 fields, with the ports and protocols declared", () => {
    const { mud } = unwrap(toMud(labelOf(examples[2]), { lastUpdate: "2026-11-28" })) as unknown as { mud: Mud };
    expect(mud["ietf-mud:mud"]).toMatchObject({
      "mud-version": 1,
      "mud-url": "https://example-medical.example/labels/ip-500/mud.json",
      "last-update": "2026-11-28T00:00:00Z",
      "is-supported": true,
      "mfg-name": "Example Medical GmbH",
      "model-name": "IP-500",
      "firmware-rev": "12.4.0",
    });
    const ace = mud["ietf-access-control-list:acls"].acl[0]?.aces.ace[0];
    expect(ace?.matches).toEqual({
      ipv4: { protocol: 6, "ietf-acldns:dst-dnsname": "pumps.hospital-network.example" },
      tcp: { "destination-port": { operator: "eq", port: 8883 }, "ietf-mud:direction-initiated": "from-device" },
    });
  });

  it("names the wildcard it cannot express instead of widening it", () => {
    expect(unwrap(toMud(labelOf(examples[0]))).notExpressible).toEqual(["*.amazonaws.com"]);
  });

  test.prop([fc.constantFrom(...examples)])("is deterministic", (doc) => {
    expect(JSON.stringify(toMud(labelOf(doc)))).toBe(JSON.stringify(toMud(labelOf(structuredClone(doc)))));
  });
});

describe("toMud's arguments", () => {
  it.each([
    ["a javascript: MUD URL", { mudUrl: "javascript:alert(1)" }, "invalid-format@mudUrl"],
    ["an http MUD URL", { mudUrl: "http://labels.example/mud.json" }, "invalid-format@mudUrl"],
    ["a last update of yesterday", { lastUpdate: "yesterday" }, "invalid-date@lastUpdate"],
    ["an impossible last update", { lastUpdate: "2026-02-30" }, "invalid-date@lastUpdate"],
    ["an unknown option", { mudURL: "https://x.example/mud.json" }, "unknown-key@mudURL"],
    ["null", null, "invalid-type@"],
  ])("answers %s with an issue", (_, options, expected) => {
    const r = toMud(labelOf(examples[0]), options as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.code}@${i.path.join("/")}`)).toContain(expected);
  });

  it("answers a value that is not a label with the label's issues", () => {
    for (const label of [null, {}, { ...examples[0], qrTarget: 5 }]) expect(toMud(label as never).ok).toBe(false);
  });
});

describe("where the vulnerability statements live", () => {
  const wifi = JSON.parse(
    readFileSync(new URL("../../../examples/labels/ultrasound-wifi.label.json", import.meta.url), "utf8"),
  );
  it("MUD names them with RFC 9472's transparency extension, and CycloneDX as exploitability statements", () => {
    const mud = toMud(wifi);
    const body = mud.ok ? (mud.value.mud["ietf-mud:mud"] as Record<string, unknown>) : {};
    expect(body.extensions).toEqual(["transparency"]);
    expect(body["ietf-mud-transparency:transparency"]).toEqual({
      "vuln-url": ["https://wireless-scanner.example/security/us-w1.openvex.json"],
    });
    const bom = toCycloneDx(wifi);
    expect(bom.ok && bom.value.externalReferences).toEqual([
      {
        type: "exploitability-statement",
        url: "https://wireless-scanner.example/security/us-w1.openvex.json",
        comment: "VEX (OpenVEX)",
      },
    ]);
  });
  it("leaves both out for a label that declares no SBOM URL and no statements", () => {
    const { vulnerabilityDisclosure: _, ...security } = wifi.security;
    const plain = { ...wifi, security };
    const mud = toMud(plain);
    expect(mud.ok && Object.hasOwn(mud.value.mud["ietf-mud:mud"] as object, "extensions")).toBe(false);
    const bom = toCycloneDx(plain);
    expect(bom.ok && Object.hasOwn(bom.value, "externalReferences")).toBe(false);
  });
});
