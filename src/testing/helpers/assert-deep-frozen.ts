import { type PathSegment, formatPath } from "../../model/issues.js";

/**
 * Checks that a value and everything inside it is frozen, as every catalog the library returns is. Throws a plain
 * `Error` naming the first object or array that is not, so it works under any test runner. Walks iteratively, so
 * deep values do not overflow the stack.
 *
 * @param value - the value to check (usually a catalog returned by an edit or a parse)
 * @param label - what the value is, for the message (default `value`)
 * @throws `Error` naming the path of the first unfrozen object or array
 * @example
 * ```ts
 * import { parseCatalog } from "service-blueprint";
 * import { assertDeepFrozen } from "service-blueprint/testing";
 * assertDeepFrozen(parseCatalog({ version: 1, name: "Demo" }), "the parsed catalog");
 * ```
 */
export function assertDeepFrozen(value: unknown, label = "value"): void {
  // Each entry links to its parent, so the walk is linear however deep the value; the path is built on failure.
  interface Entry {
    readonly value: unknown;
    readonly parent: Entry | undefined;
    readonly key: PathSegment | undefined;
  }
  const pathOf = (entry: Entry): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value, parent: undefined, key: undefined }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    if (!Object.isFrozen(current)) throw new Error(`${label} is not frozen at ${formatPath(pathOf(entry)) || "its root"}`);
    if (Array.isArray(current)) current.forEach((item, i) => stack.push({ value: item, parent: entry, key: i }));
    else for (const [key, item] of Object.entries(current)) stack.push({ value: item, parent: entry, key });
  }
}
