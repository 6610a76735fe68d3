/** "Ada Lovelace" → "AL", "ana@shop.test" → "AS": two letters for an avatar. */
export function initials(display: string): string {
  return display
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");
}

/** A person's name as shown: the name, else the email, else a neutral word. */
export function displayName(person: { name?: string; email?: string }): string {
  return person.name || person.email || "Someone";
}
