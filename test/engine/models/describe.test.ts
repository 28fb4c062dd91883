/**
 * Descriptive statistics against pandas 1.5 / scipy 1.10 (scripts/reference/describe_corr_scipy.py):
 * count, missing, mean, SD, min, type-7 quartiles, max, bias-corrected skew and excess kurtosis,
 * to 1e-12 relative; undefined statistics (too few values, constant columns) as NaN.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runDescribe } from "../../../src/engine/analyses/describe";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import type { Column } from "../../../src/engine/data/types";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

type Stats = Record<string, number | string | null>;
interface Fixture {
  source: string;
  columns: string[];
  by: string | null;
  data?: Record<string, (number | null)[]>;
  stats: Stats[];
}

const FIELDS = [
  "count",
  "missing",
  "mean",
  "sd",
  "min",
  "q1",
  "median",
  "q3",
  "max",
  "skew",
  "kurtosis",
  "sum",
  "se",
];
let worst = 0;
afterAll(() =>
  console.log(`Describe: largest relative difference from pandas/scipy ${worst.toExponential(2)}`),
);

function fixture(name: string): Fixture {
  return JSON.parse(
    readFileSync(join(FIXTURES, "reference", "describe", `describe_${name}.json`), "utf8"),
  );
}

function columnsOf(reference: Fixture): { columns: Column[]; by: Column | null } {
  if (reference.data !== undefined) {
    return {
      columns: reference.columns.map((name) => ({
        kind: "numeric",
        name,
        values: Float64Array.from(reference.data![name], (x) => (x === null ? NaN : x)),
      })),
      by: null,
    };
  }
  const file = reference.source.replace(/^test\/fixtures\//, "");
  const dataset = readCsvDataset(readFileSync(join(FIXTURES, file), "utf8"), { label: file });
  const names = reference.by === null ? reference.columns : [...reference.columns, reference.by];
  const selected = selectColumns(dataset, names, file);
  return {
    columns: selected.slice(0, reference.columns.length),
    by: reference.by === null ? null : selected[selected.length - 1],
  };
}

describe.each(["sales", "sales_by_tv", "campaign", "airquality", "tiny"])(
  "describe against pandas: %s",
  (name) => {
    it("matches every statistic", () => {
      const reference = fixture(name);
      const { columns, by } = columnsOf(reference);
      const result = runDescribe(columns, by);
      expect(result.rows.map((row) => [row.column, row.group])).toEqual(
        reference.stats.map((s) => [s.column, s.group]),
      );
      result.rows.forEach((row, i) => {
        const expected = reference.stats[i];
        const summary = row.summary as unknown as Record<string, number>;
        for (const field of FIELDS) {
          const want = expected[field] as number | null;
          const got = summary[field];
          const label = `${row.column}/${row.group}/${field}`;
          if (want === null) {
            expect([label, got]).toEqual([label, NaN]);
            continue;
          }
          const error = relativeError(got, want);
          worst = Math.max(worst, error);
          expect([label, error < 1e-12]).toEqual([label, true]);
        }
      });
    });
  },
);
