/** Writing cluster labels beside the source data: the right place, the header row, and asking first. */
import { previewFunctions } from "../../src/preview/previewFunctions";
import { PreviewHost } from "../../src/preview/previewHost";
import { Workbook } from "../../src/preview/workbook/workbook";
import { besideAddress, writeBesideSource } from "../../src/taskpane/writeBesideSource";

function setup(answer: boolean) {
  const workbook = new Workbook(previewFunctions());
  workbook.pasteTsv(0, 1, 1, "x\ty\n1\t2\n3\t4\n5\t6");
  const questions: string[] = [];
  const host = new PreviewHost(
    workbook,
    () => ({ sheet: 0, row: 1, column: 1 }),
    async (question) => {
      questions.push(question);
      return answer;
    },
  );
  return { workbook, host, questions };
}

describe("writeBesideSource", () => {
  it("puts the column right of the source, header in the header row, a blank for a row left out", async () => {
    const { workbook, host, questions } = setup(true);
    const at = await writeBesideSource(host, "Sheet1!B2:C5", true, {
      header: "Cluster",
      values: [1, null, 2],
    });
    expect(at).toBe("Sheet1!D2");
    expect([2, 3, 4, 5].map((row) => workbook.cell(0, row - 1, 3).value)).toEqual([
      "Cluster",
      1,
      null,
      2,
    ]);
    expect(questions).toEqual([]);
  });

  it("asks before overwriting, and writes nothing when told no", async () => {
    const { workbook, host, questions } = setup(false);
    workbook.setInput(0, 2, 3, "keep me");
    await expect(
      writeBesideSource(host, "Sheet1!B2:C5", true, { header: "Cluster", values: [1, 2, 2] }),
    ).rejects.toThrow(/Nothing was written/);
    expect(questions).toHaveLength(1);
    expect(workbook.cell(0, 2, 3).value).toBe("keep me");
    expect(workbook.cell(0, 1, 3).value).toBeNull();
  });

  it.each([
    ["Sheet1!A1:E573", "Sheet1!F1"],
    ["'OLS 1'!$Y$3:$Z$10", "'OLS 1'!AA3"],
    ["B7", "C7"],
  ])("places the column beside %s at %s", (source, target) => {
    expect(besideAddress(source)).toBe(target);
  });
});
