import fc from "fast-check";
import {
  columnLetter,
  detectHeader,
  looksLikeNumber,
  readDataset,
} from "../../../src/engine/data/dataset";
import type { CategoricalColumn, Column, NumericColumn } from "../../../src/engine/data/types";
import { EngineError } from "../../../src/engine/errors";

function thrown(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}

function numeric(column: Column): NumericColumn {
  if (column.kind !== "numeric") throw new Error(`${column.name} is not numeric`);
  return column;
}

function categorical(column: Column): CategoricalColumn {
  if (column.kind !== "categorical") throw new Error(`${column.name} is not categorical`);
  return column;
}

describe("columnLetter", () => {
  it("names columns as Excel does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});

describe("detectHeader", () => {
  it("sees a header of text over numeric data", () => {
    expect(
      detectHeader([
        ["TV", "Sales"],
        [1, 2],
      ]),
    ).toBe(true);
  });

  it("sees a header when one text column sits over numbers and others over text", () => {
    expect(
      detectHeader([
        ["TV", "Sales"],
        ["Low", 2],
        ["High", 3],
      ]),
    ).toBe(true);
  });

  it("accepts blank header cells beside a text one", () => {
    expect(
      detectHeader([
        [null, "Sales"],
        [1, 2],
      ]),
    ).toBe(true);
  });

  it("sees no header in numbers only", () => {
    expect(
      detectHeader([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(false);
  });

  it("sees no header when the first row holds a number", () => {
    expect(
      detectHeader([
        ["TV", 2019],
        [1, 2],
      ]),
    ).toBe(false);
  });

  it("sees no header in text columns only", () => {
    expect(
      detectHeader([
        ["Group", "Segment"],
        ["A", "x"],
      ]),
    ).toBe(false);
  });

  it("sees no header in a single row", () => {
    expect(detectHeader([["TV", "Sales"]])).toBe(false);
  });

  it("sees no header when the first row holds an error value", () => {
    expect(
      detectHeader([
        ["TV", "#N/A"],
        [1, 2],
      ]),
    ).toBe(false);
  });
});

describe("readDataset", () => {
  it("reads a header row and numeric columns", () => {
    const data = readDataset([
      ["TV", "Sales"],
      [1, 10],
      [2, 20],
    ]);
    expect(data.hasHeader).toBe(true);
    expect(data.rowCount).toBe(2);
    expect(data.columns.map((column) => column.name)).toEqual(["TV", "Sales"]);
    expect(Array.from(numeric(data.columns[1]).values)).toEqual([10, 20]);
  });

  it("names columns x1, x2, ... without a header", () => {
    const data = readDataset([
      [1, 10],
      [2, 20],
    ]);
    expect(data.hasHeader).toBe(false);
    expect(data.rowCount).toBe(2);
    expect(data.columns.map((column) => column.name)).toEqual(["x1", "x2"]);
  });

  it("takes names from defaultNames when given", () => {
    const data = readDataset([[1], [2]], { defaultNames: (index) => `Column ${index + 1}` });
    expect(data.columns[0].name).toBe("Column 1");
  });

  it("reads the first row as data with headers: false", () => {
    const data = readDataset(
      [
        ["Low", "x"],
        ["High", "y"],
      ],
      { headers: false },
    );
    expect(data.rowCount).toBe(2);
    expect(categorical(data.columns[0]).values).toEqual(["Low", "High"]);
  });

  it("reads the first row as names with headers: true, even over text data", () => {
    const data = readDataset(
      [
        ["Group", " Value "],
        ["A", "x"],
        ["B", "y"],
      ],
      { headers: true },
    );
    expect(data.hasHeader).toBe(true);
    expect(data.columns.map((column) => column.name)).toEqual(["Group", "Value"]);
    expect(categorical(data.columns[0]).levels).toEqual(["A", "B"]);
  });

  it("names blank header cells by default and writes numeric ones as Excel shows them", () => {
    const data = readDataset(
      [
        [null, 2019, "", true],
        [1, 2, 3, 4],
      ],
      { headers: true },
    );
    expect(data.columns.map((column) => column.name)).toEqual(["x1", "2019", "x3", "TRUE"]);
  });

  it("rejects duplicate column names, naming both columns", () => {
    const error = thrown(() =>
      readDataset(
        [
          ["TV", "Radio", "TV "],
          [1, 2, 3],
        ],
        { label: "x" },
      ),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toBe(
      'x: columns A and C are both named "TV"; column names must be unique',
    );
  });

  it("reads text columns as categorical, labels trimmed and levels sorted by code units", () => {
    const data = readDataset([
      ["Client Type", "Sales"],
      ["Large Facility ", 1],
      ["Small Facility", 2],
      [" Large Facility", 3],
      ["large facility", 4],
      ["Medium Facility", 5],
    ]);
    const clientType = categorical(data.columns[0]);
    expect(clientType.values).toEqual([
      "Large Facility",
      "Small Facility",
      "Large Facility",
      "large facility",
      "Medium Facility",
    ]);
    // Upper case sorts before lower case, as in Python's sorted().
    expect(clientType.levels).toEqual([
      "Large Facility",
      "Medium Facility",
      "Small Facility",
      "large facility",
    ]);
  });

  it("reads boolean columns as categorical with labels TRUE and FALSE", () => {
    const data = readDataset([
      ["Promo", "Sales"],
      [true, 1],
      [false, 2],
      [null, 3],
    ]);
    const promo = categorical(data.columns[0]);
    expect(promo.values).toEqual(["TRUE", "FALSE", null]);
    expect(promo.levels).toEqual(["FALSE", "TRUE"]);
  });

  it("reads blanks and error values as missing in numeric columns", () => {
    const data = readDataset([
      ["Spend", "Sales"],
      [1, null],
      [undefined, 2],
      ["", 3],
      ["  ", 4],
      ["#N/A", 5],
      [{ code: "#DIV/0!" }, 6],
      [NaN, 7],
      [Infinity, 8],
      [9, 9],
    ]);
    const spend = Array.from(numeric(data.columns[0]).values);
    expect(spend[0]).toBe(1);
    expect(spend.slice(1, 8).every(Number.isNaN)).toBe(true);
    expect(spend[8]).toBe(9);
    expect(Number.isNaN(numeric(data.columns[1]).values[0])).toBe(true);
  });

  it("reads blanks and error values as missing in categorical columns", () => {
    const data = readDataset([
      ["TV", "Sales"],
      ["Low", 1],
      [null, 2],
      ["#VALUE!", 3],
      [{ errorCode: "#N/A" }, 4],
      ["High", 5],
    ]);
    const tv = categorical(data.columns[0]);
    expect(tv.values).toEqual(["Low", null, null, null, "High"]);
    expect(tv.levels).toEqual(["High", "Low"]);
  });

  it("keeps a column that is entirely missing, as numeric NaN", () => {
    const data = readDataset([
      ["Empty", "Sales"],
      [null, 1],
      ["#N/A", 2],
    ]);
    const empty = numeric(data.columns[0]);
    expect(Array.from(empty.values).every(Number.isNaN)).toBe(true);
  });

  it("reads the desktop's blank (0) as the number 0, as it cannot know better", () => {
    const data = readDataset([
      ["Spend", "Sales"],
      [0, 1],
      [2, 3],
    ]);
    expect(numeric(data.columns[0]).values[0]).toBe(0);
  });

  it("rejects text in a numeric column, naming the column, the data row and the cell", () => {
    const grid: unknown[][] = [["TV", "Radio"]];
    for (let row = 1; row <= 10; row += 1) grid.push([row, row === 7 ? "abc" : row * 2]);
    const error = thrown(() => readDataset(grid, { label: "x" }));
    expect(error.code).toBe("invalidValue");
    expect(error.message).toBe(
      'x: column "Radio" has the text "abc" in row 7 (cell B8 of the range); ' +
        "a numeric column must hold numbers only",
    );
  });

  it("counts rows from the range's first row when there is no header", () => {
    const error = thrown(() =>
      readDataset(
        [
          [1, 2],
          [3, "n/a"],
          [5, 6],
        ],
        { label: "y" },
      ),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toMatch(
      /^y: column "x2" has the text "n\/a" in row 2 \(cell B2 of the range\)/,
    );
  });

  it("rejects a stray number in a text column, naming it", () => {
    const error = thrown(() =>
      readDataset([
        ["Influencer", "Sales"],
        ["Mega", 1],
        ["Micro", 2],
        [5, 3],
        ["Nano", 4],
      ]),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toBe(
      'data: column "Influencer" has the number 5 in row 3 (cell A4 of the range); ' +
        "a categorical column must hold text only",
    );
  });

  it("rejects a boolean in a numeric column", () => {
    const error = thrown(() =>
      readDataset([
        ["Spend", "Sales"],
        [1, 1],
        [true, 2],
        [3, 3],
      ]),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toMatch(
      /column "Spend" has the boolean TRUE in row 2 \(cell A3 of the range\)/,
    );
  });

  it("calls a formatted number in a numeric column a number stored as text", () => {
    const error = thrown(() =>
      readDataset([
        ["Spend", "Sales"],
        [1, 1],
        [2, 2],
        ["1,234.5", 3],
      ]),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toMatch(
      /column "Spend" has the text "1,234\.5" in row 3 \(cell A4 of the range\), a number stored as text/,
    );
  });

  it("rejects a column of numbers stored as text rather than parse it", () => {
    for (const texts of [
      ["1,234.5", "2,000"],
      ["12%", "7.5%"],
      ["$5", "$6.10"],
      ["1", "2"],
    ]) {
      const error = thrown(() =>
        readDataset(
          [
            ["Spend", "Sales"],
            [texts[0], 1],
            [null, 2],
            [texts[1], 3],
          ],
          { label: "x" },
        ),
      );
      expect(error.code).toBe("invalidValue");
      expect(error.message).toMatch(/^x: column "Spend" holds numbers stored as text/);
      expect(error.message).toContain(`"${texts[0]}" in row 1, cell A2 of the range`);
    }
  });

  it("keeps a text column in which only some labels look like numbers", () => {
    const data = readDataset([
      ["Plan", "Sales"],
      ["100", 1],
      ["Premium", 2],
    ]);
    expect(categorical(data.columns[0]).levels).toEqual(["100", "Premium"]);
  });

  it("rejects an empty grid", () => {
    for (const grid of [[], [[]]]) {
      const error = thrown(() => readDataset(grid, { label: "x" }));
      expect(error.code).toBe("tooFewRows");
      expect(error.message).toMatch(/^x: the range is empty/);
    }
  });

  it("rejects a header without data rows", () => {
    const error = thrown(() => readDataset([["TV", "Sales"]], { headers: true, label: "x" }));
    expect(error.code).toBe("tooFewRows");
    expect(error.message).toBe("x: the range has a header row but no data rows below it");
  });

  it("reads a single row of text as data in auto mode", () => {
    const data = readDataset([["TV", "Sales"]]);
    expect(data.hasHeader).toBe(false);
    expect(data.rowCount).toBe(1);
  });

  it("rejects ragged rows", () => {
    const error = thrown(() => readDataset([[1, 2], [3]]));
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toMatch(/row 2 has 1 cell but the first row has 2/);
  });

  it("rejects an unknown headers option", () => {
    const error = thrown(() =>
      readDataset([[1]], { headers: "yes" as unknown as boolean, label: "x" }),
    );
    expect(error.code).toBe("invalidOption");
  });

  it("returns a Dataset or throws an EngineError for any grid of values", () => {
    const cell = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.constantFrom(null, "", " ", "#N/A", "1,234.5", "Low", "High", true, { code: "#REF!" }),
    );
    const rectangular = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }))
      .chain(([width, height]) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
          minLength: height,
          maxLength: height,
        }),
      );
    const grid = fc.oneof(
      rectangular,
      fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }),
    );
    const headers = fc.constantFrom<boolean | "auto" | undefined>(true, false, "auto", undefined);
    fc.assert(
      fc.property(grid, headers, (cells, mode) => {
        try {
          const data = readDataset(cells, { headers: mode });
          expect(data.rowCount).toBe(cells.length - (data.hasHeader ? 1 : 0));
          for (const column of data.columns) expect(column.values.length).toBe(data.rowCount);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("looksLikeNumber", () => {
  it("recognises numbers as people format them", () => {
    for (const text of [
      "1",
      "-2.5",
      "1,234.5",
      "1.234,5",
      "12%",
      "$5",
      "(3.2)",
      "5 €",
      "1e5",
      ".5",
    ]) {
      expect(looksLikeNumber(text)).toBe(true);
    }
  });

  it("does not mistake labels, dates and codes for numbers", () => {
    for (const text of [
      "Low",
      "ID-987275",
      "1/7/2018",
      "2014-01-16",
      "1.2.3",
      "12.5.2020",
      "",
      "$",
      "%",
    ]) {
      expect(looksLikeNumber(text)).toBe(false);
    }
  });
});
