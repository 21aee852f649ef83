// The one place the studio reads the clock for a date: the libraries take dates as arguments.

/** Today in the user's time zone, as YYYY-MM-DD: the studio's default "as of". */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
