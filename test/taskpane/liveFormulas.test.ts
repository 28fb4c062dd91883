/** Live formulas: =MMM.OLS pointing at the source range, recalculating in the preview's workbook. */
import { ANALYSES, withDefaults, type LiveSheet } from "../../src/engine/analyses/registry";
import type { NumericColumn } from "../../src/engine/data/types";
import { previewFunctions } from "../../src/preview/previewFunctions";
import { PreviewHost } from "../../src/preview/previewHost";
import { Workbook } from "../../src/preview/workbook/workbook";
import { writeLiveFormulas } from "../../src/taskpane/liveFormulas";

const ols = ANALYSES.find((entry) => entry.id === "ols")!;
const column = (name: string): NumericColumn => ({
  kind: "numeric",
  name,
  values: new Float64Array(7),
});
const source = {
  address: "'My data'!B2:F9",
  columnNames: ["Sales", "TV", "Radio", "Social", "Week"],
};
const input = (x: string[], options = {}) => ({
  roles: { y: [column("Sales")], x: x.map(column) },
  options: withDefaults(ols, options),
});

describe("OLS as live formulas", () => {
  it("points y and the side-by-side x columns at the source range, header row included", () => {
    expect(ols.liveFormulas!(input(["TV", "Radio"]), source)).toEqual({
      title: "OLS (live formulas): Sales on TV, Radio",
      formulas: [
        { cell: "A3", formula: "=MMM.OLS('My data'!B2:B9, 'My data'!C2:D9)" },
        { cell: "J3", formula: "=MMM.OLS('My data'!B2:B9, 'My data'!C2:D9, \"anova\")" },
      ],
    });
    const noIntercept = ols.liveFormulas!(input(["TV"], { intercept: false }), source) as LiveSheet;
    expect(noIntercept.formulas[0].formula).toBe(
      "=MMM.OLS('My data'!B2:B9, 'My data'!C2:C9, \"summary\", FALSE)",
    );
  });

  it("says why a choice cannot be written as formulas", () => {
    expect(ols.liveFormulas!(input(["TV", "Social"]), source)).toMatch(/side by side/);
    expect(ols.liveFormulas!(input(["Radio", "TV"]), source)).toMatch(/in their order/);
    expect(ols.liveFormulas!(input(["TV"], { covarianceType: "HC3" }), source)).toMatch(
      /choose Classical/,
    );
  });

  it("writes formulas that recalculate when an input cell changes", async () => {
    const workbook = new Workbook(previewFunctions());
    workbook.pasteTsv(0, 0, 0, "y\tx\n1\t1\n2\t2\n3.5\t3\n4\t4\n5.5\t5\n6\t6");
    const host = new PreviewHost(
      workbook,
      () => ({ sheet: 0, row: 0, column: 0 }),
      async () => true,
    );
    const live = ols.liveFormulas!(
      { roles: { y: [column("y")], x: [column("x")] }, options: withDefaults(ols, {}) },
      { address: "Sheet1!A1:B7", columnNames: ["y", "x"] },
    );
    const sheet = await writeLiveFormulas(host, "OLS", live as LiveSheet);
    const index = workbook.sheetIndex(sheet);
    await workbook.settled();
    expect(workbook.input(index, 2, 0)).toBe("=MMM.OLS(Sheet1!A1:A7, Sheet1!B1:B7)");
    expect(workbook.cell(index, 2, 0).value).toBe("OLS Regression Results");
    expect(workbook.cell(index, 3, 3).value).toBe("R-squared");
    const before = workbook.cell(index, 3, 4).value;
    workbook.setInput(0, 6, 0, "20");
    await workbook.settled();
    expect(workbook.cell(index, 3, 4).value).not.toBe(before);
    expect(workbook.cell(index, 2, 9).value).toBe("Term");
  });
});
