/**
 * `=MMM.DESCRIBE(data, [by], [headers])` and `=MMM.CORR(data, [method], [output], [headers])`:
 * Excel's ranges -> descriptive statistics or correlation matrices -> a table that spills, or a
 * `CustomFunctions.Error` (#VALUE!) with a message.
 */
import {
  correlationTable,
  parseCorrelationMethod,
  parseCorrelationOutput,
  runCorrelation,
} from "../engine/analyses/correlation";
import { describeTable, runDescribe } from "../engine/analyses/describe";
import { detectHeader, readDataset } from "../engine/data/dataset";
import { EngineError } from "../engine/errors";
import { asGrid, optionalBoolean, optionalString, toSpill } from "./arguments";
import { toExcelError } from "./excelError";

export function runDescribeFunction(
  dataArgument: unknown,
  byArgument: unknown,
  headersArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const data = asGrid(dataArgument, "data");
    const byGrid =
      byArgument === null || byArgument === undefined || byArgument === ""
        ? null
        : asGrid(byArgument, "by");
    if (byGrid !== null && (byGrid[0].length !== 1 || byGrid.length !== data.length)) {
      throw new EngineError(
        "shapeMismatch",
        `by must be one column with as many rows as data (${data.length}); it is ${byGrid.length} × ${byGrid[0].length}.`,
      );
    }
    const headers =
      optionalBoolean(headersArgument, "headers") ??
      detectHeader(byGrid === null ? data : data.map((row, i) => [...row, byGrid[i][0]]));
    const dataset = readDataset(data, { headers, label: "data" });
    const by =
      byGrid === null
        ? null
        : readDataset(byGrid, { headers, label: "by", defaultNames: () => "Group" }).columns[0];
    return toSpill(describeTable(runDescribe(dataset.columns, by)));
  } catch (error) {
    throw toExcelError(error, "MMM.DESCRIBE");
  }
}

export function runCorrFunction(
  dataArgument: unknown,
  methodArgument: unknown,
  outputArgument: unknown,
  headersArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const method = parseCorrelationMethod(optionalString(methodArgument, "method"));
    const output = parseCorrelationOutput(optionalString(outputArgument, "output"));
    const data = asGrid(dataArgument, "data");
    const headers = optionalBoolean(headersArgument, "headers") ?? detectHeader(data);
    const dataset = readDataset(data, { headers, label: "data" });
    return toSpill(correlationTable(runCorrelation(dataset.columns, method), output));
  } catch (error) {
    throw toExcelError(error, "MMM.CORR");
  }
}
