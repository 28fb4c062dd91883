/**
 * `=MMM.OLS(y, x, [output], [intercept], [headers])`: Excel's arguments -> the engine -> a table
 * that spills, or a `CustomFunctions.Error` (#VALUE!) with a message a person can act on.
 */
import { olsTable, parseOlsOutput, runOls } from "../engine/analyses/ols";
import { EngineError } from "../engine/errors";
import { detectHeader, readDataset } from "../engine/data/dataset";
import { asGrid, optionalBoolean, optionalString, toSpill } from "./arguments";
import { toExcelError } from "./excelError";
import { checkPayload } from "./payloadLimit";

export function runOlsFunction(
  yArgument: unknown,
  xArgument: unknown,
  outputArgument: unknown,
  interceptArgument: unknown,
  headersArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const yGrid = asGrid(yArgument, "y");
    const xGrid = asGrid(xArgument, "x");
    const output = parseOlsOutput(optionalString(outputArgument, "output"));
    const intercept = optionalBoolean(interceptArgument, "intercept") ?? true;
    const headersOption = optionalBoolean(headersArgument, "headers");
    if (yGrid[0].length !== 1) {
      throw new EngineError(
        "shapeMismatch",
        `y must be a single column; it has ${yGrid[0].length} columns. Put the predictors in x.`,
      );
    }
    if (xGrid.length !== yGrid.length) {
      throw new EngineError(
        "shapeMismatch",
        `x and y must have the same number of rows; x has ${xGrid.length} rows, y has ${yGrid.length}.`,
      );
    }
    const hasHeader = headersOption ?? detectHeader(yGrid.map((row, i) => [...row, ...xGrid[i]]));
    const y = readDataset(yGrid, { headers: hasHeader, label: "y", defaultNames: () => "y" });
    const x = readDataset(xGrid, { headers: hasHeader, label: "x" });
    const result = runOls({ y: y.columns[0], x: x.columns, intercept });
    const table = toSpill(olsTable(result, output, hasHeader));
    checkPayload(table, output);
    return table;
  } catch (error) {
    throw toExcelError(error, "MMM.OLS");
  }
}
