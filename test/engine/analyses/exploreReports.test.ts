/** The Describe and Correlation pane entries: checks before Run, readings, tables, heatmap, live formulas. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { correlationEntry } from "../../../src/engine/analyses/correlationEntry";
import { describeEntry } from "../../../src/engine/analyses/describeEntry";
import { withDefaults } from "../../../src/engine/analyses/registry";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

const dataset = readCsvDataset(
  readFileSync(join(FIXTURES, "seeds", "marketing_sales_data.csv"), "utf8"),
  {
    label: "sales",
  },
);
const [tv, radio, social, sales] = selectColumns(
  dataset,
  ["TV", "Radio", "Social Media", "Sales"],
  "sales",
);
const corrReference = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "describe", "corr_sales.json"), "utf8"),
);
const source = {
  address: "Data!A1:E573",
  columnNames: ["TV", "Radio", "Social Media", "Influencer", "Sales"],
};

describe("Describe entry", () => {
  it("says what is wrong before Run", () => {
    expect(describeEntry.validate({ roles: {}, options: {} })).toEqual([
      "Choose at least one column to describe.",
    ]);
    expect(
      describeEntry.validate({ roles: { columns: [tv, sales], by: [sales] }, options: {} }),
    ).toEqual([
      '"TV" holds text; describe numeric columns (a text column can be the By column).',
      '"Sales" is the By column; it cannot also be described.',
    ]);
  });

  it("reads each column by group in plain language and charts the means", () => {
    const report = describeEntry.run({ roles: { columns: [sales], by: [tv] }, options: {} });
    expect(report.title).toBe("Describe: Sales by TV");
    expect(report.reading[0]).toBe(
      "Sales (TV = High): mean 301 (SD 30.9), median 300, from 247 to 358; 166 values, none missing.",
    );
    expect(report.charts[0].data.map((row) => row[0])).toEqual(["TV", "High", "Low", "Medium"]);
  });

  it("writes =MMM.DESCRIBE over the source as a live formula", () => {
    const live = describeEntry.liveFormulas!(
      { roles: { columns: [radio, social], by: [tv] }, options: {} },
      source,
    );
    expect(live).toMatchObject({
      formulas: [{ cell: "A3", formula: "=MMM.DESCRIBE(Data!B1:C573, Data!A1:A573)" }],
    });
  });
});

describe("Correlation entry", () => {
  const input = {
    roles: { columns: [radio, social, sales] },
    options: withDefaults(correlationEntry, {}),
  };

  it("needs two numeric columns", () => {
    expect(correlationEntry.validate({ roles: { columns: [tv] }, options: {} })).toEqual([
      "Choose at least two columns.",
      '"TV" holds text; correlations need numbers.',
    ]);
  });

  it("colours the r matrix as a heatmap from -1 to 1 and reads the strongest pair first", () => {
    const report = correlationEntry.run(input);
    const [matrix, p, n] = report.tables;
    expect(matrix.heatmap).toEqual({ minimum: -1, maximum: 1 });
    expect(
      relativeError(matrix.rows[1][3] as number, corrReference.pearsonMatrix[0][2]),
    ).toBeLessThan(1e-12);
    expect(p.rows[0][0]).toBe("p");
    expect(n.rows[1][1]).toBe(572);
    expect(report.reading[0]).toBe(
      "Radio and Sales: strong positive, r = 0.858 (p < 0.001, 572 rows).",
    );
  });

  it("writes =MMM.CORR formulas for the matrix and its p-values", () => {
    const live = correlationEntry.liveFormulas!(
      { ...input, roles: { columns: [radio, social] }, options: { method: "spearman" } },
      source,
    );
    expect(live).toMatchObject({
      formulas: [
        { cell: "A3", formula: '=MMM.CORR(Data!B1:C573, "spearman")' },
        { cell: "A8", formula: '=MMM.CORR(Data!B1:C573, "spearman", "p")' },
      ],
    });
  });
});
