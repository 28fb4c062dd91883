/** The results sheet as the pane writes it, here through the preview's host. */
import { olsReport } from "../../src/engine/analyses/olsReport";
import { previewFunctions } from "../../src/preview/previewFunctions";
import { PreviewHost } from "../../src/preview/previewHost";
import { Workbook } from "../../src/preview/workbook/workbook";
import { writeResultSheet } from "../../src/taskpane/writeResultSheet";
import {
  fitReferenceCase,
  readReference,
  type StatsmodelsReference,
} from "../support/olsReference";

const reference = readReference<StatsmodelsReference>("sales_tv_radio.statsmodels.json");
const report = olsReport(fitReferenceCase(reference), reference.x);

function setup() {
  const workbook = new Workbook(previewFunctions());
  const questions: string[] = [];
  const host = new PreviewHost(
    workbook,
    () => ({ sheet: 0, row: 0, column: 0 }),
    async (q) => {
      questions.push(q);
      return false;
    },
  );
  return { workbook, host, questions };
}

describe("writeResultSheet", () => {
  it("writes the title, the reading, the tables and the charts on a new sheet", async () => {
    const { workbook, host, questions } = setup();
    const layout = await writeResultSheet(host, report, "OLS");
    expect(layout.sheet).toBe("OLS 1");
    const sheet = workbook.sheetIndex("OLS 1");
    expect(workbook.cell(sheet, 0, 0).value).toBe("OLS: Sales on TV, Radio");
    const reading = Array.from({ length: 8 }, (_, r) => workbook.cell(sheet, r, 0).value);
    expect(reading).toContain("Radio: +2.97 Sales per unit, 95 % CI 2.55 to 3.38, p < 0.001");
    // Tables follow the reading after a blank row, each as its title, header and rows, a blank row apart.
    const fitRow = 2 + report.reading.length + 1;
    const coefficientRow = fitRow + report.tables[0].rows.length + 2;
    const anovaRow = coefficientRow + report.tables[1].rows.length + 2;
    const contributionRow = anovaRow + report.tables[2].rows.length + 2;
    expect(layout.tables).toEqual({
      Fit: `'OLS 1'!A${fitRow + 1}`,
      Coefficients: `'OLS 1'!A${coefficientRow + 1}`,
      "Analysis of variance (sequential)": `'OLS 1'!A${anovaRow + 1}`,
      "Contributions to fitted sales over the data": `'OLS 1'!A${contributionRow + 1}`,
    });
    // The first estimate sits under the coefficient table's title and header.
    expect(workbook.cell(sheet, coefficientRow + 2, 0).value).toBe("Intercept");
    // Written exactly as the report holds it (and within 1e-8 of statsmodels, as the OLS tests check).
    expect(workbook.cell(sheet, coefficientRow + 2, 1).value).toBe(report.tables[1].rows[1][1]);
    expect(workbook.charts(sheet).map((c) => c.chart.title)).toEqual(
      report.charts.map((c) => c.title),
    );
    expect(layout.charts).toEqual(["'OLS 1'!J2", "'OLS 1'!J20", "'OLS 1'!J38", "'OLS 1'!J56"]);
    expect(questions).toEqual([]);
  });

  it("formats the tables: bold titles and headers, number formats below, significant terms bold", async () => {
    const { workbook, host } = setup();
    // sales_all has terms on both sides of p = 0.05 (statsmodels' p-values decide which).
    const all = readReference<StatsmodelsReference>("sales_all.statsmodels.json");
    const layout = await writeResultSheet(host, olsReport(fitReferenceCase(all), all.x), "OLS");
    const sheet = workbook.sheetIndex(layout.sheet);
    expect(workbook.style(sheet, 0, 0).bold).toBe(true);
    const top = Number(/(\d+)$/.exec(layout.tables.Coefficients)![1]) - 1;
    expect(workbook.style(sheet, top, 0).bold).toBe(true);
    expect(workbook.style(sheet, top + 1, 1)).toEqual({ numberFormat: "", bold: true });
    all.coefficients.forEach((coefficient, i) => {
      const row = top + 2 + i;
      expect(workbook.cell(sheet, row, 0).value).toBe(coefficient.term);
      expect(workbook.style(sheet, row, 0).bold).toBe(coefficient.p < 0.05);
      expect(workbook.cell(sheet, row, 7).value).toBe(coefficient.p < 0.05 ? "*" : null);
      expect(workbook.style(sheet, row, 1).numberFormat).toBe("0.0000");
    });
    expect(all.coefficients.filter((c) => c.p >= 0.05)).toHaveLength(4);
  });

  it("never touches the user's sheets: a second run gets its own sheet", async () => {
    const { workbook, host } = setup();
    await writeResultSheet(host, report, "OLS");
    const second = await writeResultSheet(host, report, "OLS");
    expect(second.sheet).toBe("OLS 2");
    expect(workbook.sheetNames).toEqual(["Sheet1", "OLS 1", "OLS 2"]);
  });
});
