/**
 * The order of a categorical column's levels, shared by `readDataset` and `buildDesign` so
 * that the reference level of dummy coding is the same everywhere.
 */

/**
 * Orders strings by UTF-16 code units (`a < b`). Not `localeCompare`: levels must sort the
 * same on every machine and as Python's `sorted()` sorts them (so patsy's reference level is
 * ours). Python compares code points; the two orders differ only between characters beyond
 * U+FFFF (emoji, say) and those in U+E000..U+FFFF.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * The distinct labels, sorted by `compareCodeUnits`: the first is the reference level.
 *
 * @example
 * sortLevels(["Low", "High", "Medium", "Low"]) // ["High", "Low", "Medium"]
 */
export function sortLevels(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort(compareCodeUnits);
}
