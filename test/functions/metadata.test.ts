/**
 * The public contract of the worksheet functions, as custom-functions-metadata generates
 * functions.json from the JSDoc at build time: ids and parameter order never change.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "node:path";

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

let functions: FunctionMetadata[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  );
  expect(generated.errors).toEqual([]);
  functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
}, 30_000);

describe("functions.json", () => {
  it("declares OLS with the frozen parameter order y, x, [output], [intercept], [headers]", () => {
    const ols = functions.find((f) => f.id === "OLS")!;
    expect(ols.name).toBe("OLS");
    expect(
      ols.parameters.map((p) => [
        p.name,
        p.type,
        p.dimensionality ?? "scalar",
        p.optional ?? false,
      ]),
    ).toEqual([
      ["y", "any", "matrix", false],
      ["x", "any", "matrix", false],
      ["output", "string", "scalar", true],
      ["intercept", "boolean", "scalar", true],
      ["headers", "boolean", "scalar", true],
    ]);
    expect(ols.result.dimensionality).toBe("matrix");
    expect(ols.description).toMatch(/least squares/);
  });

  it.each([
    [
      "ANOVA",
      [
        ["values", "any", "matrix", false],
        ["groups", "any", "matrix", false],
        ["output", "string", "scalar", true],
        ["headers", "boolean", "scalar", true],
      ],
    ],
    [
      "TUKEY",
      [
        ["values", "any", "matrix", false],
        ["groups", "any", "matrix", false],
        ["alpha", "number", "scalar", true],
        ["method", "string", "scalar", true],
        ["headers", "boolean", "scalar", true],
      ],
    ],
    [
      "DESCRIBE",
      [
        ["data", "any", "matrix", false],
        ["by", "any", "matrix", true],
        ["headers", "boolean", "scalar", true],
      ],
    ],
    [
      "CORR",
      [
        ["data", "any", "matrix", false],
        ["method", "string", "scalar", true],
        ["output", "string", "scalar", true],
        ["headers", "boolean", "scalar", true],
      ],
    ],
    [
      "SIMULATE",
      [
        ["y", "any", "matrix", false],
        ["x", "any", "matrix", false],
        ["plan", "any", "matrix", false],
        ["iterations", "number", "scalar", true],
        ["seed", "number", "scalar", true],
        ["output", "string", "scalar", true],
        ["target", "number", "scalar", true],
      ],
    ],
    [
      "ABTEST",
      [
        ["a", "any", "matrix", false],
        ["b", "any", "matrix", false],
        ["test", "string", "scalar", true],
        ["alpha", "number", "scalar", true],
        ["headers", "boolean", "scalar", true],
      ],
    ],
  ])("declares %s with its frozen parameter order, spilling a matrix", (id, parameters) => {
    const declared = functions.find((f) => f.id === id)!;
    expect(
      declared.parameters.map((p) => [
        p.name,
        p.type,
        p.dimensionality ?? "scalar",
        p.optional ?? false,
      ]),
    ).toEqual(parameters);
    expect(declared.result.dimensionality).toBe("matrix");
  });

  it("declares SAMPLESIZE(baseline, effect, [alpha], [power], [kind])", () => {
    const declared = functions.find((f) => f.id === "SAMPLESIZE")!;
    expect(declared.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ["baseline", "number", false],
      ["effect", "number", false],
      ["alpha", "number", true],
      ["power", "number", true],
      ["kind", "string", true],
    ]);
  });

  it("declares KMEANS(data, k, [output], [seed], [standardize], [headers])", () => {
    const declared = functions.find((f) => f.id === "KMEANS")!;
    expect(declared.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["data", false],
      ["k", false],
      ["output", true],
      ["seed", true],
      ["standardize", true],
      ["headers", true],
    ]);
    expect(declared.result.dimensionality).toBe("matrix");
  });

  it("documents every parameter (the help Excel shows)", () => {
    for (const f of functions)
      for (const p of f.parameters) expect(p).toHaveProperty("description");
  });
});
