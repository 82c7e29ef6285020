/**
 * A small sort for the many short lists of a large graph.
 *
 * @internal
 */

/**
 * Sorts a list in place, stably, like `Array.prototype.sort` with the same comparator. Lists of up to 16 items are
 * insertion-sorted: the built-in sort allocates about a kilobyte of work space per call, which adds up over the
 * hundreds of thousands of two- and three-item lists (a step's flows, a repeat's steps) of a large catalog.
 *
 * @internal
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j -= 1;
    }
    list[j + 1] = item;
  }
  return list;
}
