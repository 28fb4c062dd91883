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
    expect(layout.tables).toEqual({
      Fit: `'OLS 1'!A${fitRow + 1}`,
      Coefficients: `'OLS 1'!A${coefficientRow + 1}`,
      "Analysis of variance (sequential)": `'OLS 1'!A${anovaRow + 1}`,
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

  it("never touches the user's sheets: a second run gets its own sheet", async () => {
    const { workbook, host } = setup();
    await writeResultSheet(host, report, "OLS");
    const second = await writeResultSheet(host, report, "OLS");
    expect(second.sheet).toBe("OLS 2");
    expect(workbook.sheetNames).toEqual(["Sheet1", "OLS 1", "OLS 2"]);
  });
});
