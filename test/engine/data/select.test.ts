import { readDataset } from "../../../src/engine/data/dataset";
import { selectColumns } from "../../../src/engine/data/select";
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

const data = readDataset([
  ["TV", "Radio", "Social Media", "Sales"],
  [1, 2, 3, 4],
  [5, 6, 7, 8],
]);

describe("selectColumns", () => {
  it("returns the named columns in the order asked", () => {
    const columns = selectColumns(data, ["Sales", "TV"], "x");
    expect(columns.map((column) => column.name)).toEqual(["Sales", "TV"]);
  });

  it("falls back to trimmed, case-insensitive names", () => {
    const columns = selectColumns(data, [" social media", "tv"], "x");
    expect(columns.map((column) => column.name)).toEqual(["Social Media", "TV"]);
  });

  it("prefers an exact match over the fallback", () => {
    const both = readDataset([
      ["tv", "TV"],
      [1, 2],
    ]);
    expect(selectColumns(both, ["TV"], "x")[0].name).toBe("TV");
    expect(selectColumns(both, ["tv"], "x")[0].name).toBe("tv");
  });

  it("reports an ambiguous loose match", () => {
    const both = readDataset([
      ["tv", "TV"],
      [1, 2],
    ]);
    const error = thrown(() => selectColumns(both, ["Tv"], "x"));
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toBe(
      'x: "Tv" matches the columns "tv", "TV"; write the column name exactly',
    );
  });

  it("reports a missing name, listing the columns there are", () => {
    const error = thrown(() => selectColumns(data, ["Radoi"], "x"));
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toBe(
      'x: no column named "Radoi"; the columns are "TV", "Radio", "Social Media", "Sales"',
    );
  });
});
