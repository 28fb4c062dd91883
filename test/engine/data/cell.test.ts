import fc from "fast-check";
import { booleanLabel, classifyCell, EXCEL_ERROR_CODES } from "../../../src/engine/data/cell";

describe("classifyCell", () => {
  it("reads finite numbers as numbers, zero included", () => {
    expect(classifyCell(3.5)).toEqual({ kind: "number", value: 3.5 });
    expect(classifyCell(0)).toEqual({ kind: "number", value: 0 });
    expect(classifyCell(-1e-300)).toEqual({ kind: "number", value: -1e-300 });
  });

  it("reads NaN and infinities as the error #NUM!", () => {
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(classifyCell(value)).toEqual({ kind: "error", code: "#NUM!" });
    }
  });

  it("trims text", () => {
    expect(classifyCell("Large Facility ")).toEqual({ kind: "text", value: "Large Facility" });
    expect(classifyCell("\t Mega\n")).toEqual({ kind: "text", value: "Mega" });
  });

  it("does not read numeric-looking text as a number", () => {
    expect(classifyCell("12")).toEqual({ kind: "text", value: "12" });
    expect(classifyCell("1,234.5")).toEqual({ kind: "text", value: "1,234.5" });
  });

  it("reads null, undefined, empty and white-space strings as blank", () => {
    for (const value of [null, undefined, "", "   ", "\t\r\n"]) {
      expect(classifyCell(value)).toEqual({ kind: "blank" });
    }
  });

  it("reads booleans as booleans, labelled TRUE and FALSE", () => {
    expect(classifyCell(true)).toEqual({ kind: "boolean", value: true });
    expect(classifyCell(false)).toEqual({ kind: "boolean", value: false });
    expect(booleanLabel(true)).toBe("TRUE");
    expect(booleanLabel(false)).toBe("FALSE");
  });

  it("reads every Excel error text as that error, keeping its code", () => {
    expect(EXCEL_ERROR_CODES.size).toBe(15);
    for (const code of EXCEL_ERROR_CODES) {
      expect(classifyCell(code)).toEqual({ kind: "error", code });
    }
    expect(classifyCell("#GETTING_DATA")).toEqual({ kind: "error", code: "#GETTING_DATA" });
  });

  it("reads text that only resembles an error code as text", () => {
    expect(classifyCell("#n/a")).toEqual({ kind: "text", value: "#n/a" });
    expect(classifyCell("#VALUE")).toEqual({ kind: "text", value: "#VALUE" });
    expect(classifyCell("#hashtag")).toEqual({ kind: "text", value: "#hashtag" });
  });

  it("reads error objects by their code or errorCode, as CustomFunctions.Error carries it", () => {
    expect(classifyCell({ code: "#DIV/0!", message: "x" })).toEqual({
      kind: "error",
      code: "#DIV/0!",
    });
    expect(classifyCell({ errorCode: "#N/A" })).toEqual({ kind: "error", code: "#N/A" });
    expect(classifyCell({ type: "Error", basicValue: "#REF!", errorType: "Ref" })).toEqual({
      kind: "error",
      code: "#REF!",
    });
  });

  it("reads values a grid should never hold as the error #VALUE!", () => {
    for (const value of [{}, [], new Date(0), () => 1, Symbol("s"), BigInt(3), { code: 5 }]) {
      expect(classifyCell(value)).toEqual({ kind: "error", code: "#VALUE!" });
    }
  });

  it("classifies any value into exactly one of the five kinds without throwing", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true }), (value) => {
        const cell = classifyCell(value);
        expect(["number", "text", "boolean", "blank", "error"]).toContain(cell.kind);
        if (cell.kind === "number") expect(Number.isFinite(cell.value)).toBe(true);
        if (cell.kind === "text") {
          expect(cell.value).toBe(cell.value.trim());
          expect(cell.value).not.toBe("");
        }
      }),
    );
  });
});
