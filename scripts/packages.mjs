// What the release scripts share: the published packages, packing them as the registry would
// receive them, and an environment in which npm runs as npm under `pnpm run`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository's root. */
export const root = new URL("..", import.meta.url).pathname;

/** The published packages, by directory name in order, with their manifests. */
export function publishedPackages() {
  return readdirSync(join(root, "packages"))
    .sort()
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }));
}

/**
 * The environment without the npm_* variables pnpm sets for its scripts: with them, npm and
 * tools that look npm up (cyclonedx-npm, through npm_execpath) find pnpm instead.
 */
export const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")),
);

/** Runs a command and returns its standard output; its standard error goes into the thrown error. */
export const sh = (command, args, cwd) =>
  execFileSync(command, args, { cwd, env: npmEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Packs every published package into `destination` with `pnpm pack`; package name to tarball path. */
export function packAll(destination) {
  const tarballs = new Map();
  for (const { dir, manifest } of publishedPackages()) {
    const before = new Set(readdirSync(destination));
    sh("pnpm", ["pack", "--pack-destination", destination], join(root, "packages", dir));
    const tarball = readdirSync(destination).find((f) => !before.has(f));
    if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
    tarballs.set(manifest.name, join(destination, tarball));
  }
  return tarballs;
}
