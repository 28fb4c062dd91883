/**
 * Picking a model's columns out of a Dataset by the names a user typed.
 */
import { EngineError } from "../errors";
import type { Column, Dataset } from "./types";

/**
 * The columns of `dataset` with the given names, in the order of `names`.
 *
 * A name matches a column whose name is exactly equal; failing that, one whose name is equal
 * after trimming both and ignoring case (`" social media"` finds `Social Media`). When that
 * fallback matches more than one column the name is ambiguous.
 *
 * Throws EngineError `shapeMismatch` for a name that matches no column (listing the names
 * there are) or, by the fallback, several (`label` prefixes the message).
 *
 * @example
 * selectColumns(data, ["Radio", "tv"], "x") // [the "Radio" column, the "TV" column]
 */
export function selectColumns(dataset: Dataset, names: readonly string[], label: string): Column[] {
  return names.map((name) => findColumn(dataset.columns, name, label));
}

function findColumn(columns: readonly Column[], name: string, label: string): Column {
  const exact = columns.find((column) => column.name === name);
  if (exact !== undefined) return exact;
  const key = normalizeName(name);
  const loose = columns.filter((column) => normalizeName(column.name) === key);
  if (loose.length === 1) return loose[0];
  if (loose.length > 1) {
    throw new EngineError(
      "shapeMismatch",
      `${label}: "${name}" matches the columns ${quoteList(loose.map((column) => column.name))}; ` +
        `write the column name exactly`,
    );
  }
  throw new EngineError(
    "shapeMismatch",
    `${label}: no column named "${name}"; the columns are ` +
      `${quoteList(columns.map((column) => column.name))}`,
  );
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
