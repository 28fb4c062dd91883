/**
 * A spend plan from a table: a header naming model inputs, one scenario a row. Every input needs
 * a column; every column must be an input; every value a number of 0 or more.
 */
import type { Dataset } from "../data/types";
import { EngineError } from "../errors";

export function readPlan(plan: Dataset, inputs: readonly string[]): Float64Array[] {
  const names = plan.columns.map((column) => column.name);
  const stranger = names.find((name) => !inputs.includes(name));
  if (stranger !== undefined) {
    throw new EngineError(
      "invalidOption",
      `The plan's column "${stranger}" is not one of the model's inputs (${inputs.join(", ")}).`,
    );
  }
  const missing = inputs.find((input) => !names.includes(input));
  if (missing !== undefined) {
    throw new EngineError("invalidOption", `The plan has no column "${missing}".`);
  }
  if (plan.rowCount === 0) throw new EngineError("invalidOption", "The plan has no rows.");
  const columns = inputs.map((input) => plan.columns[names.indexOf(input)]);
  for (const column of columns) {
    if (column.kind !== "numeric") {
      throw new EngineError(
        "invalidValue",
        `The plan's "${column.name}" holds text; spend must be numbers.`,
      );
    }
  }
  return Array.from({ length: plan.rowCount }, (_, row) =>
    Float64Array.from(columns, (column) => {
      const value = (column.values as Float64Array)[row];
      if (Number.isNaN(value)) {
        throw new EngineError(
          "invalidValue",
          `Plan row ${row + 1} has no value for "${column.name}".`,
        );
      }
      if (value < 0) {
        throw new EngineError(
          "invalidValue",
          `Plan row ${row + 1} spends ${value} on "${column.name}"; spend cannot be negative.`,
        );
      }
      return value;
    }),
  );
}
