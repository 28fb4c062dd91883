/** The preview's WorkbookHost: what the task pane will read and write in the browser preview. */
import { previewFunctions } from "../../src/preview/previewFunctions";
import { PreviewHost } from "../../src/preview/previewHost";
import { Workbook } from "../../src/preview/workbook/workbook";

function setup(answer = true) {
  const workbook = new Workbook(previewFunctions());
  workbook.pasteTsv(0, 1, 1, "TV\tSales\nLow\t10\nHigh\t25.5\nMedium\t17");
  const questions: string[] = [];
  const host = new PreviewHost(
    workbook,
    () => ({ sheet: 0, row: 2, column: 2 }),
    async (question) => {
      questions.push(question);
      return answer;
    },
  );
  return { workbook, host, questions };
}

describe("PreviewHost", () => {
  it("reads the selection as the block of filled cells around the active cell", async () => {
    const { host } = setup();
    await expect(host.readSelection()).resolves.toEqual({
      address: "Sheet1!B2:C5",
      values: [
        ["TV", "Sales"],
        ["Low", 10],
        ["High", 25.5],
        ["Medium", 17],
      ],
    });
  });

  it("reads a range by address, blanks as null", async () => {
    const { host } = setup();
    await expect(host.readRange("A1:B2")).resolves.toEqual({
      address: "Sheet1!A1:B2",
      values: [
        [null, null],
        [null, "TV"],
      ],
    });
  });

  it("adds result sheets with unique numbered names", async () => {
    const { host, workbook } = setup();
    await expect(host.addSheet("OLS")).resolves.toBe("OLS 1");
    await expect(host.addSheet("OLS")).resolves.toBe("OLS 2");
    expect(workbook.sheetNames).toEqual(["Sheet1", "OLS 1", "OLS 2"]);
  });

  it("writes a table into empty cells without asking, values reading back exactly", async () => {
    const { host, workbook, questions } = setup();
    const name = await host.addSheet("OLS");
    await host.writeTable(`'${name}'!A1`, [
      ["Term", "Coef", "Significant"],
      ["=not a formula", 0.1 + 0.2, true],
      ["-5 units", 1e-300, null],
    ]);
    expect(questions).toEqual([]);
    expect(workbook.cell(1, 1, 0).value).toBe("=not a formula");
    expect(workbook.cell(1, 1, 1).value).toBe(0.1 + 0.2);
    expect(workbook.cell(1, 1, 2).value).toBe(true);
    expect(workbook.cell(1, 2, 0).value).toBe("-5 units");
    expect(workbook.cell(1, 2, 1).value).toBe(1e-300);
  });

  it("asks before overwriting non-empty cells, and writes nothing when told no", async () => {
    const declined = setup(false);
    await expect(declined.host.writeTable("C3", [[1, 2]])).rejects.toThrow(
      /Nothing was written: Sheet1!C3:D3/,
    );
    expect(declined.questions).toEqual(["Sheet1!C3:D3 holds 1 non-empty cell. Overwrite it?"]);
    expect(declined.workbook.cell(0, 2, 2).value).toBe(10);
    const accepted = setup(true);
    await accepted.host.writeTable("C3", [[1, 2]]);
    expect(accepted.workbook.cell(0, 2, 2).value).toBe(1);
  });

  it("writes a chart's data and keeps the chart with its sheet", async () => {
    const { host, workbook } = setup();
    const name = await host.addSheet("OLS");
    const chart = {
      kind: "scatter" as const,
      title: "Actual vs fitted",
      xAxisTitle: "Fitted",
      yAxisTitle: "Actual",
      data: [
        ["Fitted", "Actual"],
        [1, 1.5],
        [2, 1.8],
      ],
      series: [{ column: 1, style: "markers" as const }],
    };
    await host.addChart(`'${name}'!H1`, `'${name}'!K1`, chart);
    expect(workbook.cell(1, 2, 8).value).toBe(1.8);
    expect(workbook.charts(1)).toEqual([{ position: { row: 0, column: 10 }, chart }]);
  });
});

describe("PreviewHost heatmaps", () => {
  it("fills a colour-scaled body as Excel's red-white-blue scale, leaving labels plain", async () => {
    const { host, workbook } = setup();
    await host.writeTable(
      "Sheet1!E1",
      [
        ["r", "a", "b"],
        ["a", 1, -1],
        ["b", 0, 0.5],
      ],
      { headerRows: 1, colorScale: { fromColumn: 1, minimum: -1, maximum: 1 } },
    );
    expect(workbook.style(0, 1, 5).background).toBe("#5a8ac6");
    expect(workbook.style(0, 1, 6).background).toBe("#f8696b");
    expect(workbook.style(0, 2, 5).background).toBe("#ffffff");
    expect(workbook.style(0, 2, 6).background).toBe("#adc5e3");
    expect(workbook.style(0, 1, 4).background).toBeUndefined();
    expect(workbook.style(0, 0, 5).background).toBeUndefined();
  });
});
