import fc from "fast-check";
import { csvFieldToCell, parseCsv, readCsvDataset } from "../../../src/engine/data/csv";
import { readDataset, type ReadDatasetOptions } from "../../../src/engine/data/dataset";
import type { Dataset } from "../../../src/engine/data/types";
import { EngineError } from "../../../src/engine/errors";
import { thrown } from "../../support/engineErrors";
import { readSeedCsv } from "../../support/olsReference";

/** A seed CSV from test/fixtures/seeds. */
function readSeed(name: string): string {
  return readSeedCsv(`seeds/${name}`);
}

describe("parseCsv", () => {
  it("splits plain fields and records", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("reads CRLF, LF and lone CR line endings alike", () => {
    const expected = [
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ];
    expect(parseCsv("a,b\r\n1,2\r\n3,4\r\n")).toEqual(expected);
    expect(parseCsv("a,b\n1,2\n3,4")).toEqual(expected);
    expect(parseCsv("a,b\r1,2\r3,4\r")).toEqual(expected);
  });

  it("ignores the trailing newline and blank lines", () => {
    expect(parseCsv("a,b\n1,2\n\n\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\n\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("strips a UTF-8 byte order mark", () => {
    expect(parseCsv("\ufeffTV,Sales\nLow,1\n")[0]).toEqual(["TV", "Sales"]);
  });

  it("keeps commas, newlines and doubled quotes inside quoted fields", () => {
    const text = 'name,note\r\n"Smith, J.","said ""hi""\r\nthen left"\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ["name", "note"],
      ["Smith, J.", 'said "hi"\r\nthen left'],
      ["", "x"],
    ]);
  });

  it("keeps empty fields, also a trailing one", () => {
    expect(parseCsv("a,b,c\n,,\n1,,3\n4,5,\n")).toEqual([
      ["a", "b", "c"],
      ["", "", ""],
      ["1", "", "3"],
      ["4", "5", ""],
    ]);
  });

  it("keeps fields exactly as written, spaces included", () => {
    expect(parseCsv("a,b\n Large Facility , 2 \n")[1]).toEqual([" Large Facility ", " 2 "]);
  });

  it("keeps text after a closing quote, as Excel does", () => {
    expect(parseCsv('a,b\n"ab"c,d\n')[1]).toEqual(["abc", "d"]);
  });

  it("returns no rows for empty text", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\ufeff")).toEqual([]);
  });

  it("reports a ragged line by its number and both field counts", () => {
    const lines = ["a,b,c,d,e"];
    for (let line = 2; line <= 20; line += 1) lines.push(line === 17 ? "1,2,3,4" : "1,2,3,4,5");
    const error = thrown(() => parseCsv(lines.join("\n")));
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toMatch(/^line 17 has 4 fields, the header has 5/);
  });

  it("numbers lines as an editor does when quoted fields span lines", () => {
    const error = thrown(() => parseCsv('a,b\r\n"x\r\ny",1\r\n"p\nq\nr",2\r\n3\r\n'));
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toMatch(/^line 7 has 1 field, the header has 2/);
  });

  it("reports a quoted field that is never closed", () => {
    const error = thrown(() => parseCsv('a,b\n1,2\n3,"open\n'));
    expect(error.code).toBe("invalidValue");
    expect(error.message).toMatch(/line 3 opens a quoted field that is never closed/);
  });

  it("reads random tables with mixed line endings, quoted or not, as written", () => {
    const plain = fc.string({ unit: fc.constantFrom("a", "b", " ", "1", ".", "é"), maxLength: 4 });
    const table = fc.integer({ min: 2, max: 4 }).chain((width) =>
      fc.array(fc.array(plain, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 8,
      }),
    );
    const layout = fc.record({
      quoteMask: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
      endings: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 8, maxLength: 8 }),
      finalNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(table, layout, (rows, { quoteMask, endings, finalNewline }) => {
        let text = "";
        rows.forEach((row, index) => {
          if (index > 0) text += endings[index];
          text += row
            .map((value, column) => (quoteMask[(index * 4 + column) % 32] ? `"${value}"` : value))
            .join(",");
        });
        if (finalNewline) text += endings[0];
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });

  it("round-trips random tables written with RFC 4180 quoting", () => {
    const field = fc.string({
      unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "é", "1"),
    });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.array(fc.array(field, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows
          .map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(","))
          .join("\r\n");
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});

describe("csvFieldToCell", () => {
  it("reads strict decimal numbers with Number()", () => {
    expect(csvFieldToCell("42")).toBe(42);
    expect(csvFieldToCell("-.5")).toBe(-0.5);
    expect(csvFieldToCell("3.")).toBe(3);
    expect(csvFieldToCell("+7")).toBe(7);
    expect(csvFieldToCell("1.29E+06")).toBe(1290000);
    expect(csvFieldToCell("2.5e-3")).toBe(0.0025);
    expect(csvFieldToCell("0.1")).toBe(0.1);
    expect(csvFieldToCell(" 12 ")).toBe(12);
  });

  it("reads empty fields and missing markers as blank", () => {
    for (const marker of ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "#N/A", "  ", " NA "]) {
      expect(csvFieldToCell(marker)).toBeNull();
    }
  });

  it("keeps formatted numbers as text: 1,234.5 is not parsed", () => {
    for (const text of [
      "1,234.5",
      "12%",
      "$5",
      "1 000",
      "1e",
      ".",
      "-",
      "+",
      "e5",
      "1.2.3",
      "0x1F",
    ]) {
      expect(csvFieldToCell(text)).toBe(text);
    }
  });

  it("keeps other text, booleans and error texts as written", () => {
    expect(csvFieldToCell("Large Facility ")).toBe("Large Facility ");
    expect(csvFieldToCell("TRUE")).toBe("TRUE");
    expect(csvFieldToCell("#DIV/0!")).toBe("#DIV/0!");
    expect(csvFieldToCell("Infinity")).toBe("Infinity");
  });

  it("keeps a number too large for a double as text, as Excel does", () => {
    expect(csvFieldToCell("1e400")).toBe("1e400");
    expect(csvFieldToCell("1e-400")).toBe(0);
  });

  it("returns exactly d for String(d), for any finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        // === rather than toBe: String(-0) is "0", which reads as +0, and -0 === 0.
        expect(csvFieldToCell(String(value)) === value).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("equals Number(s) bit for bit on the fast path: up to 15 digits, exponents near 0", () => {
    const decimal = fc
      .record({
        sign: fc.constantFrom("", "-"),
        digits: fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 16 }),
        point: fc.nat({ max: 16 }),
        exponent: fc.integer({ min: -30, max: 30 }),
        withExponent: fc.boolean(),
      })
      .map(({ sign, digits, point, exponent, withExponent }) => {
        const at = Math.min(point, digits.length);
        const body = at === digits.length ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`;
        return `${sign}${body}${withExponent ? `e${exponent}` : ""}`;
      });
    fc.assert(
      fc.property(decimal, (text) => {
        expect(csvFieldToCell(text)).toBe(Number(text));
      }),
      { numRuns: 20000 },
    );
  });

  it("equals Number(s) for random decimal strings", () => {
    const digits = (min: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: 25 });
    const decimal = fc
      .record({
        sign: fc.constantFrom("", "+", "-"),
        whole: digits(0),
        fraction: fc.option(digits(0), { nil: undefined }),
        exponent: fc.option(
          fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1)),
          { nil: undefined },
        ),
      })
      .filter(({ whole, fraction }) => whole.length + (fraction?.length ?? 0) > 0)
      .map(
        ({ sign, whole, fraction, exponent }) =>
          sign +
          whole +
          (fraction === undefined ? "" : `.${fraction}`) +
          (exponent?.join("") ?? ""),
      );
    fc.assert(
      fc.property(decimal, (text) => {
        const expected = Number(text);
        expect(csvFieldToCell(text)).toBe(Number.isFinite(expected) ? expected : text);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("readCsvDataset", () => {
  it("takes the first line as the header by default", () => {
    const data = readCsvDataset("Week,Spend\n1,10\n2,20\n");
    expect(data.hasHeader).toBe(true);
    expect(data.columns.map((column) => column.name)).toEqual(["Week", "Spend"]);
    expect(data.rowCount).toBe(2);
  });

  it("keeps a header field that looks like a missing marker as a name", () => {
    const data = readCsvDataset("NA,2019\n1,2\n");
    expect(data.columns.map((column) => column.name)).toEqual(["NA", "2019"]);
  });

  it("can read a CSV without a header line", () => {
    const data = readCsvDataset("1,2\n3,4\n", { headers: false });
    expect(data.hasHeader).toBe(false);
    expect(data.columns.map((column) => column.name)).toEqual(["x1", "x2"]);
    expect(data.rowCount).toBe(2);
  });

  it("prefixes CSV errors with the file name", () => {
    const error = thrown(() => readCsvDataset("a,b\n1\n", { label: "sales.csv" }));
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toMatch(/^sales\.csv: line 2 has 1 field, the header has 2/);
  });

  it("reports formatted numbers in a CSV as numbers stored as text", () => {
    const error = thrown(() =>
      readCsvDataset('Spend,Sales\n"1,234.5",1\n"2,000",2\n', { label: "spend.csv" }),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toMatch(/^spend\.csv: column "Spend" holds numbers stored as text/);
    expect(error.message).toMatch(/"1,234\.5" in row 1, cell A2/);
  });

  it("equals readDataset over parseCsv and csvFieldToCell, result or error", () => {
    const field = fc.constantFrom(
      "1",
      "-2.5",
      "3e2",
      "",
      "NA",
      "#DIV/0!",
      "Low",
      " High ",
      "1,234.5",
      "12%",
      "TRUE",
      "x1",
    );
    const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.array(fc.array(field, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: 7,
      }),
    );
    const headers = fc.constantFrom<ReadDatasetOptions["headers"]>(true, false, "auto", undefined);
    const outcome = (read: () => Dataset): unknown => {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        return { code: error.code, message: error.message };
      }
    };
    fc.assert(
      fc.property(table, headers, (rows, mode) => {
        const text = rows.map((row) => row.join(",")).join("\n");
        const expected = outcome(() => {
          const parsed = parseCsv(text);
          const headerAsWritten = (mode ?? true) === true;
          const grid = parsed.map((row, index) =>
            index === 0 && headerAsWritten ? row : row.map(csvFieldToCell),
          );
          return readDataset(grid, { headers: mode ?? true });
        });
        expect(outcome(() => readCsvDataset(text, { headers: mode }))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a long file whose columns outgrow their first allocation", () => {
    const lines = ["Week,Segment,Spend"];
    for (let row = 1; row <= 5000; row += 1) {
      lines.push(
        `${row},${row === 4000 ? "" : row % 2 === 0 ? "A" : "B"},${row === 2500 ? "NA" : row / 4}`,
      );
    }
    const data = readCsvDataset(lines.join("\n"));
    expect(data.rowCount).toBe(5000);
    const [week, segment, spend] = data.columns;
    if (week.kind !== "numeric" || segment.kind !== "categorical" || spend.kind !== "numeric") {
      throw new Error("unexpected column kinds");
    }
    expect(week.values.length).toBe(5000);
    expect(week.values[4999]).toBe(5000);
    expect(segment.values[3999]).toBeNull();
    expect(segment.levels).toEqual(["A", "B"]);
    expect(Number.isNaN(spend.values[2499])).toBe(true);
    expect(spend.values[4999]).toBe(1250);
  });

  it("reads the E-notation of Campaign-Data.csv as exact numbers", () => {
    const text = readSeed("Campaign-Data.csv");
    const data = readCsvDataset(text, { label: "Campaign-Data.csv" });
    expect(data.rowCount).toBe(2976);
    const contact3 = data.columns.find((column) => column.name === "Sales Contact 3");
    if (contact3?.kind !== "numeric") throw new Error("Sales Contact 3 should be numeric");
    // Row 4 (0-based 3) is written 1.29E+06 in the file.
    expect(text.split("\r\n")[4].split(",")[11]).toBe("1.29E+06");
    expect(contact3.values[3]).toBe(1290000);
    // Every E-notation field (594 of them, d.ddE+0k) reads as the integer its digits spell:
    // 1.29E+06 -> "129" followed by 4 zeros.
    const eFields = text.match(/\d\.\d\dE\+0\d/g) ?? [];
    expect(eFields.length).toBe(594);
    for (const field of eFields) {
      const [mantissa, exponent] = field.split("E+");
      const spelled = mantissa.replace(".", "") + "0".repeat(Number(exponent) - 2);
      expect(csvFieldToCell(field)).toBe(Number.parseInt(spelled, 10));
    }
  });

  it("trims the Client Type labels of Campaign-Data.csv", () => {
    const data = readCsvDataset(readSeed("Campaign-Data.csv"));
    const clientType = data.columns.find((column) => column.name === "Client Type");
    if (clientType?.kind !== "categorical") throw new Error("Client Type should be categorical");
    expect(clientType.levels).toEqual([
      "Large Facility",
      "Medium Facility",
      "Private Facility",
      "Small Facility",
    ]);
    const large = clientType.values.filter((label) => label === "Large Facility").length;
    expect(large).toBe(1368);
  });
});
