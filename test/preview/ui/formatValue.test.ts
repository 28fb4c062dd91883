/** Cell values as the preview's grid shows them, close to Excel's General format. */
import { formatValue } from "../../../src/preview/ui/formatValue";

describe("formatValue", () => {
  it.each([
    [{ value: null }, ""],
    [{ value: true }, "TRUE"],
    [{ value: "Intercept" }, "Intercept"],
    [{ value: 0.43576791869906295 }, "0.4357679187"],
    [{ value: 1115815.8537015321 }, "1115815.854"],
    [{ value: 1.6298326569165231e-288 }, "1.6298E-288"],
    [{ value: 123456789012 }, "1.2346E+11"],
    [{ value: -0 }, "0"],
  ])("shows %j as %s", (cell, text) => {
    expect(formatValue(cell)).toBe(text);
  });
});
