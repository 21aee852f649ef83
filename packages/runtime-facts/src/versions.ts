import compareSemver from "semver/functions/compare.js";
import validSemver from "semver/functions/valid.js";

/**
 * The order of two software versions, for a declared minimum: negative when `a` is older than
 * `b`, zero when they are the same release, positive when `a` is newer. Internal.
 *
 * One rule, in two steps:
 * 1. A version of one, two or three whole numbers with dots between them is completed with zeros
 *    (`4.2` is `4.2.0`; `4.2-rc1` is `4.2.0-rc1`). When both versions are then Semantic
 *    Versioning 2.0.0, they are ordered by it (the `semver` package): a pre-release sorts before
 *    its release (`4.2.1-rc1` is older than `4.2.1`) and build metadata does not order
 *    (`4.2.1+build5` is the same release as `4.2.1`).
 * 2. Otherwise (firmware such as `2024.03` or `12.4.0 build 77`), each version is read as the
 *    sequence of its whole numbers, left to right, and the sequences are compared number by
 *    number, a missing number counting as 0: `12.4.0 build 77` is newer than `12.4.0`, and
 *    `2024.03` is the same as `2024.3`. Words are not understood outside Semantic Versioning; a
 *    vendor whose firmware has pre-releases declares semver versions.
 *
 * A version without any digit cannot be ordered: the answer is `undefined`.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const sa = asSemver(a);
  const sb = asSemver(b);
  if (sa !== null && sb !== null) return compareSemver(sa, sb);
  const na = wholeNumbers(a);
  const nb = wholeNumbers(b);
  if (na.length === 0 || nb.length === 0) return undefined;
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const c = compareDigits(na[i] ?? "0", nb[i] ?? "0");
    if (c !== 0) return c;
  }
  return 0;
}

/** The version as Semantic Versioning 2.0.0, with missing minor and patch numbers as 0, or null. */
function asSemver(version: string): string | null {
  const completed = version.replace(/^(\d+)(\.\d+)?(?=$|[-+])/u, (_, major: string, minor: string | undefined) =>
    minor === undefined ? `${major}.0.0` : `${major}${minor}.0`,
  );
  return validSemver(completed);
}

/** Every run of digits, without leading zeros ("0" stays "0"). */
function wholeNumbers(version: string): string[] {
  return (version.match(/\d+/gu) ?? []).map((d) => d.replace(/^0+(?=\d)/u, ""));
}

/** Two whole numbers written without leading zeros, of any length, compared. */
function compareDigits(x: string, y: string): number {
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}
