// Work kept in the browser between visits (localStorage), under keys of the studio's own.
// A browser that refuses storage (a private window with storage off) loses nothing but that.

const prefix = "miotsec-studio:";

/** The value kept under `key`, or undefined. */
export function load(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(prefix + key);
    return text == null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Keeps `value` under `key` (or forgets it when undefined). */
export function keep(key: string, value: unknown): void {
  try {
    if (value === undefined) globalThis.localStorage?.removeItem(prefix + key);
    else globalThis.localStorage?.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the work stays in the page and in the files the user saves.
  }
}
