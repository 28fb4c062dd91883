import { compareCodeUnits, sortLevels } from "../../../src/engine/data/levels";

describe("sortLevels", () => {
  it("returns the distinct labels in sorted order, the reference level first", () => {
    expect(sortLevels(["Low", "High", "Medium", "Low"])).toEqual(["High", "Low", "Medium"]);
    expect(sortLevels(["Nano", "Micro", "Mega", "Macro"])).toEqual([
      "Macro",
      "Mega",
      "Micro",
      "Nano",
    ]);
  });

  it("sorts by code units as Python does: upper case first, no locale rules", () => {
    expect(sortLevels(["b", "B", "a", "A", "é", "e", "10", "9"])).toEqual([
      "10",
      "9",
      "A",
      "B",
      "a",
      "b",
      "e",
      "é",
    ]);
  });

  it("compares as a total order", () => {
    expect(compareCodeUnits("a", "b")).toBe(-1);
    expect(compareCodeUnits("b", "a")).toBe(1);
    expect(compareCodeUnits("a", "a")).toBe(0);
  });
});
