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

  it.each([
    [0.31234567, "0.0000", "0.3123"],
    [1e-12, "0.0000", "0.0000"],
    [569, "0", "569"],
    [2.5e-7, "0.00E+00", "2.50E-07"],
    [0.125, "0.0%", "12.5%"],
    [0.43576791869906295, "#,##0.00", "0.4357679187"],
  ])("shows %d under the number format %s as %s", (value, code, text) => {
    expect(formatValue({ value }, code)).toBe(text);
  });

  it("leaves text and blanks alone under a number format", () => {
    expect(formatValue({ value: "Intercept" }, "0.00")).toBe("Intercept");
    expect(formatValue({ value: null }, "0.00")).toBe("");
  });
});
