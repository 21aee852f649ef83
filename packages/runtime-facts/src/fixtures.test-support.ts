// A profile shaped like the wireless ultrasound scanner of §VI, for tests.
import { parseRuntimeProfile, type RuntimeProfile } from "./profile.js";

const result = parseRuntimeProfile({
  schemaVersion: 1,
  identity: {
    id: "us-scanner-wifi",
    name: "Wireless ultrasound scanner",
    softwareVersions: [{ component: "firmware", version: "4.2", match: "minimum" }],
    activeServices: ["imaging", "wifi-direct"],
  },
  metrics: {
    cpuPercent: { unit: "%", integration: { max: 80 }, operating: { max: 40 }, failSafe: { max: 95 } },
    bootSeconds: { unit: "s", integration: { min: 5, max: 30 }, failSafe: { max: 120 } },
    throughputKbps: { unit: "kbit/s", operating: { max: 5000 }, failSafe: { max: 20000 } },
  },
  facts: { integration: { bootLoaderVerified: true }, failSafe: { firmwareSignatureValid: true } },
  endpoints: [
    {
      host: "*.scanner-cloud.example",
      port: 443,
      protocol: "https",
      purpose: "image upload",
      operator: "Scanner Vendor",
      thirdParty: false,
      country: "DE",
      dataCategories: ["ultrasound images"],
      tlsMinimum: "1.2",
    },
    {
      host: "updates.scanner-vendor.example",
      port: 443,
      protocol: "https",
      purpose: "firmware updates",
      operator: "Scanner Vendor",
      thirdParty: false,
      country: "DE",
      dataCategories: [],
      tlsMinimum: "1.3",
    },
  ],
  staleAfterSeconds: 300,
});
if (!result.ok) throw new Error(JSON.stringify(result.issues));
export const scannerProfile: RuntimeProfile = result.value;
