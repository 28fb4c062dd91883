/**
 * Pearson and Spearman correlations against scipy 1.10's pearsonr / spearmanr on pairwise-complete
 * rows (scripts/reference/describe_corr_scipy.py): r and rho to 1e-12, p to 1e-9 relative (p that
 * scipy underflows to 0 compare as "below 1e-290"), pairwise n exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCorrelation } from "../../../src/engine/analyses/correlation";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import type { Column } from "../../../src/engine/data/types";
import { averageRanks } from "../../../src/engine/models/correlation";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

interface Pair {
  column1: string;
  column2: string;
  n: number;
  pearson: { r: number | null; p: number | null };
  spearman: { rho: number | null; p: number | null };
}
interface Fixture {
  source: string;
  columns: string[];
  data?: Record<string, (number | null)[]>;
  pairs: Pair[];
}

const worst = { r: 0, p: 0 };
afterAll(() =>
  console.log(
    `Correlations: largest relative difference from scipy r ${worst.r.toExponential(2)}, p ${worst.p.toExponential(2)}`,
  ),
);

function columnsOf(reference: Fixture): Column[] {
  if (reference.data !== undefined) {
    return reference.columns.map((name) => ({
      kind: "numeric",
      name,
      values: Float64Array.from(reference.data![name], (x) => (x === null ? NaN : x)),
    }));
  }
  const file = reference.source.replace(/^test\/fixtures\//, "");
  const dataset = readCsvDataset(readFileSync(join(FIXTURES, file), "utf8"), { label: file });
  return selectColumns(dataset, reference.columns, file);
}

function check(
  label: string,
  got: number,
  want: number | null,
  tolerance: number,
  kind: "r" | "p",
) {
  if (want === null) return expect([label, got]).toEqual([label, NaN]);
  if (kind === "p" && want < 1e-290) return expect([label, got < 1e-290]).toEqual([label, true]);
  const error = relativeError(got, want);
  worst[kind] = Math.max(worst[kind], error);
  expect([label, error < tolerance]).toEqual([label, true]);
}

describe.each(["sales", "campaign", "airquality", "tiny"])(
  "correlations against scipy: %s",
  (name) => {
    const reference: Fixture = JSON.parse(
      readFileSync(join(FIXTURES, "reference", "describe", `corr_${name}.json`), "utf8"),
    );
    const columns = columnsOf(reference);

    it.each(["pearson", "spearman"] as const)("matches %s r, p and n for every pair", (method) => {
      const result = runCorrelation(columns, method);
      for (const pair of reference.pairs) {
        const i = result.names.indexOf(pair.column1);
        const j = result.names.indexOf(pair.column2);
        const ours = result.pairs[i][j];
        const label = `${pair.column1}~${pair.column2}`;
        expect([label, ours.n]).toEqual([label, pair.n]);
        const theirs =
          method === "pearson"
            ? { r: pair.pearson.r, p: pair.pearson.p }
            : { r: pair.spearman.rho, p: pair.spearman.p };
        check(`${label} r`, ours.r, theirs.r, 1e-12, "r");
        check(`${label} p`, ours.p, theirs.p, 1e-9, "p");
        expect(result.pairs[j][i]).toEqual(ours);
      }
    });
  },
);

describe("averageRanks", () => {
  it("gives ties the average of the ranks they span", () => {
    expect(averageRanks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4]);
  });
});
