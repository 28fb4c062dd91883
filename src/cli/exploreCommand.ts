/**
 * `mmm describe FILE.csv [--cols A,B] [--by COL] [--json]` and
 * `mmm corr FILE.csv [--cols A,B] [--method pearson|spearman] [--json]`. Without --cols, every
 * column of the file (describe skips text columns and says so; corr needs numbers).
 *
 * JSON: describe prints `{stats: [{column, group, count, missing, mean, sd, min, q1, median, q3,
 * max, skew, kurtosis}], skipped, rowsWithoutGroup}`; corr prints `{method, columns, r, p, n}`
 * with square matrices in the order of `columns` (null where undefined).
 */
import { basename } from "node:path";
import {
  correlationTable,
  parseCorrelationMethod,
  runCorrelation,
} from "../engine/analyses/correlation";
import { describeTable, runDescribe } from "../engine/analyses/describe";
import type { Column, Dataset } from "../engine/data/types";
import { selectColumns } from "../engine/data/select";
import { expectArguments, listOption, stringOption, UsageError, type ParsedArgs } from "./args";
import { readCsvFile } from "./files";
import { cellsText, renderTable } from "./format";

export const DESCRIBE_USAGE = "mmm describe FILE.csv [--cols COL1,COL2,...] [--by COLUMN] [--json]";
export const CORR_USAGE =
  "mmm corr FILE.csv [--cols COL1,COL2,...] [--method pearson|spearman] [--json]";

export function runDescribeCommand(args: ParsedArgs): string {
  expectArguments(args, ["cols", "by", "json", "help"], 2);
  const { dataset, label } = read(args, DESCRIBE_USAGE);
  const byName = stringOption(args, "by");
  const by = byName === undefined ? null : selectColumns(dataset, [byName], label)[0];
  const result = runDescribe(columns(args, dataset, label), by);
  if (!args.options.has("json")) {
    // Notes (one-cell rows) go below the table rather than widening its first column.
    const rows = describeTable(result);
    const notes = rows.filter((row) => row.length === 1).map((row) => String(row[0]));
    return [renderTable(cellsText(rows.filter((row) => row.length > 1))), ...notes].join("\n");
  }
  const nullable = (x: number) => (Number.isFinite(x) ? x : null);
  return JSON.stringify({
    stats: result.rows.map((row) => ({
      column: row.column,
      group: row.group,
      count: row.summary.count,
      missing: row.summary.missing,
      mean: nullable(row.summary.mean),
      sd: nullable(row.summary.sd),
      min: nullable(row.summary.min),
      q1: nullable(row.summary.q1),
      median: nullable(row.summary.median),
      q3: nullable(row.summary.q3),
      max: nullable(row.summary.max),
      skew: nullable(row.summary.skew),
      kurtosis: nullable(row.summary.kurtosis),
    })),
    skipped: result.skipped,
    rowsWithoutGroup: result.rowsWithoutGroup,
  });
}

export function runCorrCommand(args: ParsedArgs): string {
  expectArguments(args, ["cols", "method", "json", "help"], 2);
  const { dataset, label } = read(args, CORR_USAGE);
  const result = runCorrelation(
    columns(args, dataset, label),
    parseCorrelationMethod(stringOption(args, "method")),
  );
  if (!args.options.has("json")) return renderTable(cellsText(correlationTable(result, "matrix")));
  const matrix = (pick: (pair: { r: number; p: number; n: number }) => number) =>
    result.pairs.map((row) => row.map((pair) => (Number.isFinite(pick(pair)) ? pick(pair) : null)));
  return JSON.stringify({
    method: result.method,
    columns: result.names,
    r: matrix((pair) => pair.r),
    p: matrix((pair) => pair.p),
    n: matrix((pair) => pair.n),
  });
}

function read(args: ParsedArgs, usage: string): { dataset: Dataset; label: string } {
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${usage}`);
  return { dataset: readCsvFile(file), label: basename(file) };
}

function columns(args: ParsedArgs, dataset: Dataset, label: string): readonly Column[] {
  return args.options.has("cols")
    ? selectColumns(dataset, listOption(args, "cols"), label)
    : dataset.columns;
}
