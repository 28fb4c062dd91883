/** The "Compare groups" report and pane entry, on Sales by TV, against R's figures. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareGroupsEntry } from "../../../src/engine/analyses/compareGroupsEntry";
import { withDefaults } from "../../../src/engine/analyses/registry";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

const file = join(FIXTURES, "seeds", "marketing_sales_data.csv");
const dataset = readCsvDataset(readFileSync(file, "utf8"), { label: "sales" });
const [sales, tv, radio] = selectColumns(dataset, ["Sales", "TV", "Radio"], "sales");
const r = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "groups", "sales_by_tv.r.json"), "utf8"),
);
const input = (method = "tukey") => ({
  roles: { value: [sales], group: [tv] },
  options: withDefaults(compareGroupsEntry, { method }),
});

describe("Compare groups report", () => {
  const report = compareGroupsEntry.run(input());

  it("reads in plain language, the F test first, then each pair", () => {
    expect(report.title).toBe("Compare groups: Sales by TV");
    expect(report.reading[0]).toBe(
      "Sales differs between the TV groups: F(2, 569) = 1920, p < 0.001; the groups explain 87.1 % of the variance (572 rows).",
    );
    expect(report.reading).toContain(
      "Low vs High: -210 Sales, 95 % simultaneous CI -218 to -202, p < 1e-9",
    );
  });

  it("holds R's group means and Tukey rows, significant pairs emphasised", () => {
    const [groups, , , pairs] = report.tables;
    groups.rows.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(r.groups[i].name);
      expect(relativeError(row[2] as number, r.groups[i].mean)).toBeLessThan(1e-12);
    });
    pairs.rows.slice(1).forEach((row, i) => {
      expect(relativeError(row[4] as number, r.tukey.comparisons[i].ciLow)).toBeLessThan(1e-9);
    });
    expect(pairs.emphasis).toEqual([1, 2, 3]);
  });

  it("charts the group means with intervals and the pairwise differences", () => {
    expect(report.charts.map((chart) => chart.title)).toEqual([
      "Mean Sales by TV with 95 % intervals",
      "Pairwise differences with Tukey HSD intervals",
    ]);
    const means = report.charts[0].data;
    expect(means[0]).toEqual(["TV", "Mean", "Lower", "Upper"]);
    expect(relativeError(means[1][1] as number, r.groups[0].mean)).toBeLessThan(1e-12);
    expect(report.charts[1].data[1][0]).toBe("Low - High");
  });

  it("uses Games-Howell when asked", () => {
    const gh = compareGroupsEntry.run(input("games-howell"));
    expect(gh.tables[3].title).toBe("Pairwise comparisons (Games-Howell, family-wise alpha 0.05)");
    const row = gh.tables[3].rows[1];
    expect(relativeError(row[5] as number, r.gamesHowell.comparisons[0].ciHigh)).toBeLessThan(1e-9);
  });
});

describe("Compare groups entry", () => {
  it("says what is missing or wrong before Run", () => {
    const none = { roles: {}, options: withDefaults(compareGroupsEntry, {}) };
    expect(compareGroupsEntry.validate(none)).toEqual([
      "Choose the column of values to compare.",
      "Choose the column that says each row's group.",
    ]);
    const text = {
      roles: { value: [tv], group: [tv] },
      options: withDefaults(compareGroupsEntry, { alpha: 0.7 }),
    };
    expect(compareGroupsEntry.validate(text)).toEqual([
      'The values "TV" hold text; choose a numeric column.',
      '"TV" cannot be both the values and the groups.',
      "Alpha must be between 0.001 and 0.2 (for example 0.05).",
    ]);
    expect(
      compareGroupsEntry.validate({
        roles: { value: [sales], group: [radio] },
        options: withDefaults(compareGroupsEntry, {}),
      }),
    ).toEqual([]);
  });

  it("writes =MMM.ANOVA and =MMM.TUKEY over the source columns as live formulas", () => {
    const live = compareGroupsEntry.liveFormulas!(input("games-howell"), {
      address: "Data!A1:E573",
      columnNames: ["TV", "Radio", "Social Media", "Influencer", "Sales"],
    });
    expect(live).toEqual({
      title: "Compare groups (live formulas): Sales by TV",
      formulas: [
        { cell: "A3", formula: "=MMM.ANOVA(Data!E1:E573, Data!A1:A573)" },
        { cell: "H3", formula: '=MMM.TUKEY(Data!E1:E573, Data!A1:A573, 0.05, "games-howell")' },
      ],
    });
  });
});
