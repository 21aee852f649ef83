// Writes the generated example files: the runtime samples in examples/runtime and the HAR
// captures in examples/traffic. Deterministic (a fixed linear congruential generator), so the
// files only change when this script does. Run: node scripts/make-examples.mjs
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../examples/", import.meta.url);
let seed = 20221128;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const round = (n) => Math.round(n * 10) / 10;
const start = Date.parse("2026-11-28T08:00:00Z");
const minute = 60_000;

// Ward 3: four wireless scanners for two hours, one sample a minute of CPU load and battery
// temperature. us-w1-0003 has been tampered with: from 09:10 something else runs on it, the
// load climbs past the operating maximum (70 %) and at 09:31 past the fail-safe maximum (98 %).
// us-w1-0002 has one short spike to 74 % that a hold time of 120 s lets pass.
const ndjson = [];
for (let m = 0; m < 120; m++) {
  const at = new Date(start + m * minute).toISOString();
  for (const n of [1, 2, 3, 4]) {
    const device = `us-w1-000${n}`;
    let cpu = 25 + 12 * Math.sin((m + n * 17) / 9) + 6 * random();
    let temperature = 30 + 3 * Math.sin((m + n * 5) / 20) + random();
    if (n === 2 && m === 47) cpu = 74;
    if (n === 3 && m >= 70) {
      cpu = m >= 91 ? 98.5 + random() : 86 + 6 * random();
      temperature = Math.min(49, 34 + (m - 70) * 0.4 + random());
    }
    ndjson.push(JSON.stringify({ device, metric: "cpuPercent", value: round(cpu), unit: "%", at }));
    ndjson.push(JSON.stringify({ device, metric: "batteryTemperatureC", value: round(temperature), unit: "°C", at }));
  }
}
writeFileSync(new URL("runtime/ward-3.samples.ndjson", root), `${ndjson.join("\n")}\n`);

// Radiology: two wired scanners for an hour, as CSV, all within their declared values.
const csv = ["device,metric,value,unit,at"];
for (let m = 0; m < 60; m++) {
  const at = start + m * minute;
  for (const n of [1, 2]) {
    const device = `us-c2-000${n}`;
    csv.push(`${device},cpuPercent,${round(30 + 15 * random())},%,${at}`);
    csv.push(`${device},probeTemperatureC,${round(33 + 4 * random())},°C,${at}`);
  }
}
writeFileSync(new URL("runtime/radiology.samples.csv", root), `${csv.join("\n")}\n`);

// HAR captures of the two scanner apps, from the connections of §VI (observed.json).
const countries = {};
for (const name of ["ultrasound-wifi", "ultrasound-usbc"]) {
  const observed = JSON.parse(readFileSync(new URL(`traffic/${name}.observed.json`, root), "utf8"));
  const entries = observed.map((c, i) => {
    countries[c.host] = c.country;
    return {
      startedDateTime: new Date(start + i * 1000).toISOString(),
      time: 120,
      request: {
        method: "GET",
        url: `https://${c.host}/`,
        httpVersion: "HTTP/1.1",
        headers: [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: "OK",
        httpVersion: "HTTP/1.1",
        headers: [],
        cookies: [],
        content: { size: 0, mimeType: "application/json" },
        redirectURL: "",
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: 120, receive: 0 },
      serverIPAddress: `203.0.113.${10 + i}`,
      _securityDetails: { protocol: `TLS ${c.tls}` },
    };
  });
  const har = { log: { version: "1.2", creator: { name: "miotsec example", version: "1" }, entries } };
  writeFileSync(new URL(`traffic/${name}.har`, root), `${JSON.stringify(har, null, 2)}\n`);
}
writeFileSync(new URL("traffic/countries.json", root), `${JSON.stringify(countries, null, 2)}\n`);
