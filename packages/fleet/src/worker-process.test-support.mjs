// A worker in a process of its own, as the end-to-end tests kill and replace it:
// `node worker-process.test-support.mjs '<options as JSON>'`. It prints "started" once it runs,
// writes its warnings to standard error, and stops cleanly on SIGTERM.
import { fleetProfiles, startWorker } from "../dist/index.js";

const { profiles, devices, ...options } = JSON.parse(process.argv[2] ?? "{}");
const fleet = fleetProfiles(profiles, devices);
if (!fleet.ok) throw new Error(JSON.stringify(fleet.issues));
// Warnings and errors go to standard error, for a test that fails to show.
const log = (record) => {
  if (record.level !== "info") process.stderr.write(`worker ${options.worker} ${process.pid}: ${record.message}\n`);
};
const worker = await startWorker({ ...options, profiles: fleet.value, log });
if (!worker.ok) throw new Error(JSON.stringify(worker.issues));
process.stdout.write("started\n");
process.once("SIGTERM", () => {
  worker.value.stop().then(() => process.exit(0));
});
