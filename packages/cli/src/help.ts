/** The help texts: `miotsec --help` and one per command, each with an example. */
export const usage = `Usage: miotsec <command> [options]

Commands:
  assess <assessment.(json|yaml)>          rate a facility or device on the maturity model
  assess --template                        write a questionnaire to fill in and assess
  catalog [show ID]                        the catalog's requirements, or one with its source
  label validate <label>                   check a label document
  label render <label>                     draw a label as SVG or HTML
  label export <label> --format F          CycloneDX, CTA-2120 (Cyber Trust Mark), MUD
  label sign <label> --key K --role R      sign a label (or a label status) with a private key
  label verify <label> --keys JWKS         verify a label's signatures against pinned keys
  keys generate --kid K --out DIR          make a signing key pair (ES256 or EdDSA)
  best-before <label>                      the best-before-inspection date of a label
  compare <label> <samples.(ndjson|csv)>   runtime samples against the declared values
  check-traffic <label> <capture.har>      observed network traffic against the declared endpoints
  monitor --redis URL --shards N ...       a fleet's telemetry from MQTT, judged by workers over Redis
  schema <name>                            print a JSON Schema
  demo [--out DIR]                         run everything on the examples; write an HTML report
  help [command]                           help for miotsec or for a command
  version                                  print the version

Options:
  --help, -h          help for miotsec or for a command
  --version, -V, -v   print the version
  --json              machine-readable output on standard output

Documents are JSON, or YAML when the file ends in .yaml or .yml, in UTF-8.
--as-of YYYY-MM-DD defaults to today's date in your time zone.
Colour only on a terminal and never with NO_COLOR set, unless FORCE_COLOR is set (not 0).
Exit codes: 0 ok, 1 findings, 2 bad input or usage.
Example: miotsec label validate examples/labels/ultrasound-wifi.label.json
`;

/** Help per command, keyed by the command's name as typed (`label render`). */
export const commandHelp: Readonly<Record<string, string>> = {
  assess: `Usage: miotsec assess <assessment.(json|yaml)> [--catalog FILE] [--profile FILE]
                      [--policy KEY=VALUE ...] [--format text|json|markdown|oscal]
                      [--min-level N] [--out FILE] [--json]
       miotsec assess --template [--catalog FILE] [--profile FILE] [--as-of YYYY-MM-DD] [--out FILE]
       miotsec assess --from-label LABEL [--catalog FILE] [--profile FILE] [--as-of YYYY-MM-DD] [--out FILE]

Rates a facility or a device on the maturity model (the paper's catalog, or --catalog, tailored
by --profile): the level with the best level its unknown answers still allow, each dimension and
criterion, what blocks the next level with what the requirement says, and the roadmap. --policy
deviates from the paper's policy (partial=met, na=unmet, evidence=ignore, rollUp=mean,
gating=paper-example), repeatable. By default a level needs every requirement up to it;
gating=paper-example reads §IV-C as its example does, one level above the highest level
fulfilled in full. --format oscal writes OSCAL assessment results. Exits 1, saying why on standard
error, when the level is below --min-level. --template writes a questionnaire instead: an
assessment in YAML with every attested requirement's text as a comment above an empty answer,
and every fact with its unit, ready to fill in and assess. --from-label writes it pre-filled
from a device's label: the requirements its facts evidence (default credentials, updates,
encryption, security contact, SBOM, support period) answered, each with the label as evidence
and a comment saying why, for you to review.
Example: miotsec assess examples/assessments/hospital.assessment.yaml --policy partial=met
`,
  catalog: `Usage: miotsec catalog [--criterion ID] [--level N] [--catalog FILE] [--profile FILE] [--json]
       miotsec catalog show <requirement> [--catalog FILE] [--profile FILE] [--json]

Lists the catalog's requirements (the paper's, or --catalog, tailored by --profile) by
criterion: id, level, kind (attested: someone answers it; measured: computed from a fact) and
what it says. --criterion and --level narrow the list. "catalog show" prints one requirement
whole: its text, where it comes from in the paper, its note, what answers it allows, and its
mappings to other standards.
Example: miotsec catalog show updates.2.3
`,
  "catalog show": `Usage: miotsec catalog show <requirement> [--catalog FILE] [--profile FILE] [--json]

Prints one requirement whole: its text, where it comes from in the paper (table, row, column,
bullet), its note, what answers it allows, and its mappings to other standards.
Example: miotsec catalog show updates.2.3
`,
  label: `Usage: miotsec label <subcommand> <label> [options]

Subcommands:
  validate <label>                 check a label document
  render <label>                   draw a label as SVG or HTML
  export <label> --format F        CycloneDX, CTA-2120 (Cyber Trust Mark), MUD, JSON Schema
  sign <label> --key K --role R    sign a label, or a label status document
  verify <label> --keys JWKS       verify a label's signatures, status and QR code

miotsec label <subcommand> --help tells more.
Example: miotsec label validate examples/labels/ultrasound-wifi.label.json
`,
  help: `Usage: miotsec help [command]

Prints the help of miotsec, or of a command ("miotsec help label render").
Example: miotsec help assess
`,
  version: `Usage: miotsec version

Prints the version of miotsec, like --version and -V.
Example: miotsec version
`,
  "label validate": `Usage: miotsec label validate <label> [--json]

Checks a label document against the label schema and its cross-checks. Prints "valid" or the
first problem with its JSON path; --json prints every issue.
Example: miotsec label validate examples/labels/ultrasound-wifi.label.json
`,
  "label render": `Usage: miotsec label render <label> [--format svg|html] [--as-of YYYY-MM-DD] [--out FILE]
                            [--keys FILE [--status FILE]] [--vex FILE ... [--kev FILE]]

Draws the label: the IoT Components Facts with the best-before-inspection date as of --as-of
(default today, in your time zone) and a QR code. With --keys (and --status), as "label verify"
takes them, it shows who signed the label and whether that verified; with --vex (and --kev), as
"best-before" takes them, the date moves and the label says how many vulnerabilities are open.
Writes to --out atomically (an existing file keeps its mode and owner; a symbolic link is
written through), else to standard output.
Example: miotsec label render examples/labels/ultrasound-wifi.label.json --format html --out label.html
`,
  "label export": `Usage: miotsec label export <label> --format cyclonedx|cta-2120|mud|json-schema
                            [--certification FILE] [--out FILE]

Exports a label: a CycloneDX 1.6 BOM, the US Cyber Trust Mark registry and label data
(CTA-2120; what only certification knows comes from --certification, a JSON or YAML file:
{ authorizationDate, authorizedBy: { name, contact }, testedBy: { name, contact }, created,
modified }, dates as YYYY-MM-DD or date-times with a zone), an RFC 8520 MUD file, or the
label's JSON Schema.
Example: miotsec label export examples/labels/ultrasound-usbc.label.json --format cyclonedx --out bom.json
`,
  "label sign": `Usage: miotsec label sign <label> --key FILE --role manufacturer|test-lab|hospital
                          --signer NAME [--kid K] [--out FILE]

Signs a label with a private key (a JWK, as "miotsec keys generate" writes it): the label with
one more signature, a JWS over its RFC 8785 canonical JSON without signatures, naming the
signer's role and name. Signatures already there stay, so a manufacturer and a test lab can both
sign. A label status document (it has "label" and "status": valid, superseded, withdrawn or
revoked; "miotsec schema label-status") is signed the same way. The key id is the key's "kid",
or --kid. Writes the signed document as JSON to --out, else to standard output.
Example: miotsec label sign label.json --key keys/vendor-2026.private.jwk.json --role manufacturer --signer "Example Medical GmbH" --out label.signed.json
`,
  "label verify": `Usage: miotsec label verify <label> --keys FILE [--status FILE] [--qr URL]
                            [--as-of YYYY-MM-DD] [--json]

Verifies a label's signatures offline against pinned public keys (a JWK Set): each signature's
signer and whether it verifies, or why not. --status folds in a label status document signed by
a pinned key: a withdrawn or revoked label is not valid, and a status past its next update on
--as-of (default today) is reported as stale. --qr says whether a scanned QR code names this
label. Exits 0 when the label is valid (and the QR code names it), 1 when not, 2 for bad input.
Example: miotsec label verify examples/signatures/ultrasound-wifi.signed.label.json --keys examples/keys/demo-only.jwks.json
`,
  keys: `Usage: miotsec keys <subcommand> [options]

Subcommands:
  generate --kid K --out DIR       make a signing key pair: a private JWK and a public JWK Set

miotsec keys generate --help tells more.
Example: miotsec keys generate --alg EdDSA --kid vendor-2026 --out keys
`,
  "keys generate": `Usage: miotsec keys generate --kid K --out DIR [--alg ES256|EdDSA] [--json]

Makes a key pair for signing labels: ECDSA on P-256 (ES256, the default) or Ed25519 (EdDSA).
Writes DIR/<kid>.private.jwk.json, readable by you alone (mode 0600) and never overwritten,
and DIR/<kid>.jwks.json, the public key set to give to those who verify. The key id (--kid)
names the files: letters, digits, '.', '_' and '-'.
Example: miotsec keys generate --alg EdDSA --kid vendor-2026 --out keys
`,
  "best-before": `Usage: miotsec best-before <label> [--as-of YYYY-MM-DD] [--vex FILE ...] [--kev FILE] [--json]

The label's best-before-inspection date, its status as of --as-of (default today, in your time
zone), and every factor that moved it. Exits 1 when the date has passed. --vex reads the
manufacturer's vulnerability statements (CycloneDX, OpenVEX or CSAF VEX; repeatable) about the
device the label names (identity.identifiers): one that affects it without a fix on record caps
the date at its publication plus a remediation window for its severity. --kev names vulnerabilities
known to be exploited (a JSON list of ids, or CISA's catalog), which get 14 days.
Example: miotsec best-before examples/labels/infusion-pump-full.label.json --as-of 2026-11-28
`,
  compare: `Usage: miotsec compare <label> <samples.(ndjson|csv)> [--stage integration|operating]
                       [--hold SECONDS] [--json]

Streams runtime samples (one per line: device, metric, value, unit, at as ms or an RFC 3339
time; CSV with a header row naming those columns, numbers written as JSON writes them) through
a monitor of the label's declared reference values for --stage (default operating). Fail-safe
breaches fire at once, with the paper's reaction chain; a stage breach must last --hold seconds
(default 0). Shows a progress bar on a terminal, none when piped. Exits 1 when anything fired.
Example: miotsec compare examples/labels/ultrasound-wifi.label.json examples/runtime/ward-3.samples.ndjson
`,
  "check-traffic": `Usage: miotsec check-traffic <label> <capture.har|flows.json|connections.json> [--countries FILE]
                             [--organisations FILE] [--tls FILE] [--json]

Compares the network traffic a device was seen making with the endpoints its label declares,
as the security test of the paper did by hand: undeclared hosts and third parties, servers in
undeclared countries, TLS versions. The capture is a HAR 1.2 file, mitmproxy's flows in JSON
(as mitmweb serves them at /flows), or a JSON list of connections ({host, port, tls, country})
read as it is. A capture does not say where servers are: --countries names the country of each
host or IP address ({"api.example": "US"}). --tls names the TLS version of a host where the
capture records none (a HAR export of mitmproxy): {"api.example": "1.2"}. --organisations names
who runs a domain ({"googleapis.com": "Google"}), so that third parties are counted by
organisation as the paper counted them. Exits 1 on any finding.
Example: miotsec check-traffic examples/labels/ultrasound-usbc.label.json examples/traffic/ultrasound-usbc.har --countries examples/traffic/countries.json --organisations examples/traffic/organisations.json
`,
  monitor: `Usage: miotsec monitor --redis URL [--redis URL ... --cluster] --shards N
                      [--mqtt URL] [--profiles DIR [--worker K --workers W]]
                      [--stage integration|operating] [--hold SECONDS] [--prefix P]
                      [--publish-events] [--json]

Runs a fleet's monitor until SIGINT or SIGTERM, in one or both of two roles. With --mqtt it reads
samples from miotsec/<device>/samples (MQTT 5, QoS 1; a sample or a list of samples as compare
reads them, device taken from the topic) into N Redis streams, one per shard of devices. With
--profiles it is worker K of W (default 0 of 1): it judges the shards whose number modulo W is K
against the JSON files in DIR (runtime profiles or labels, and devices.json naming each device's
profile) and writes the events to each shard's events stream (and to miotsec/<device>/events
with --publish-events). A worker started in the place of one that died takes its shards over from
their checkpoints. --shards must be the same in every process. --cluster reads --redis as nodes
of a Redis Cluster. Needs @miotsec/fleet installed. A progress line on a terminal; JSON lines on
standard error otherwise; --json prints the final counts on standard output.
Example: miotsec monitor --redis redis://127.0.0.1:6379 --shards 8 --mqtt mqtt://127.0.0.1:1883 --profiles examples/fleet
`,
  schema: `Usage: miotsec schema <label|label-status|catalog|assessment|profile|runtime-profile>

Prints a JSON Schema (2020-12): the label document, the label status document, the criteria
catalog, the maturity assessment, the catalog profile, or the runtime profile.
Example: miotsec schema label > label.schema.json
`,
  demo: `Usage: miotsec demo [--out DIR] [--examples DIR] [--as-of YYYY-MM-DD] [--json]

Runs everything on the examples (--examples, else ./examples in a checkout of the repository,
else the copy shipped with the command): assesses the sample hospital, computes the labels'
best-before-inspection dates, appraises sample runtime data (one device has been tampered
with), checks the two ultrasound scanners' traffic against their labels, and writes
DIR/index.html (default ./demo-report) with the rendered labels and a level chart, beside the
JSON, Markdown, OSCAL, SVG and export files it shows. --json prints a summary as JSON.
Example: miotsec demo --out demo-report
`,
};
