/**
 * Catalog ids made from the CSV's free text, and the keys that let names written differently ("U.S. Citizenship
 * and Immigration Services", "Citizenship and Immigration Services") match.
 */

/** A catalog id from free text: lower-case words joined by '-', starting with a letter, at most 60 characters. */
export function slugId(value: string, prefix: string): string {
  let slug = value
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > 60) {
    const cut = slug.slice(0, 60);
    slug = cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
  }
  if (slug === "") return prefix;
  return /^[a-z]/.test(slug) ? slug : `${prefix}-${slug}`;
}

/** Gives `base`, or `base-2`, `base-3`, ... when taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Names of the same body written differently: "U.S. Citizenship and Immigration Services" ~ "Citizenship and ...". */
export function bodyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^(?:the )?(?:us |united states )?(?:department of (?:the )?)?/, "")
    .trim();
}

const MINOR_WORDS = new Set(["of", "and", "the", "for", "on", "in", "to", "a"]);

/** The initials of a name, minor words left out: "Internal Revenue Service" → "irs". */
export function initials(name: string): string {
  return bodyKey(name)
    .split(" ")
    .filter((word) => word !== "" && !MINOR_WORDS.has(word))
    .map((word) => word[0])
    .join("");
}

/** Service names compared loosely: case, punctuation and spacing ignored. */
export function looseKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
