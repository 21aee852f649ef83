// Work kept in the browser between visits (localStorage), under keys of the studio's own.
// A browser that refuses storage (a private window with storage off) loses nothing but that.

/** The localStorage key the studio keeps `name` under. */
export const storageKey = (name: string): string => `miotsec-studio:${name}`;

/** The value kept under `key`, or undefined. */
export function load(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(storageKey(key));
    return text == null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Keeps `value` under `key` (or forgets it when undefined). */
export function keep(key: string, value: unknown): void {
  try {
    if (value === undefined) globalThis.localStorage?.removeItem(storageKey(key));
    else globalThis.localStorage?.setItem(storageKey(key), JSON.stringify(value));
  } catch {
    // Storage full or refused: the work stays in the page and in the files the user saves.
  }
}
