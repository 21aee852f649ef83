/**
 * A URL without its trailing slashes, in one pass (a `/\/+$/` replace is quadratic on a long
 * run of slashes not at the end).
 */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  return url.slice(0, end);
}
