// The studio's three journeys, chosen by the address's fragment so that a journey can be
// bookmarked and the browser's back button works. Any other fragment opens Assess.

/** The journeys, in the order the navigation lists them. */
export const journeys = ["assess", "read", "write"] as const;

/** A journey's name. */
export type Journey = (typeof journeys)[number];

/** The journey an address's fragment (`#read`, `#write`, anything else) opens. */
export const journeyOf = (hash: string): Journey => {
  const name = hash.replace(/^#/, "");
  return (journeys as readonly string[]).includes(name) ? (name as Journey) : "assess";
};
