/** The task pane's "Regression (OLS)": y, x columns, intercept, confidence level, robust errors. */
import type { CovarianceType } from "../models/ols";
import { sourceColumns } from "./liveRanges";
import { runOls } from "./ols";
import { olsReport } from "./olsReport";
import type { AnalysisEntry, AnalysisInput, LiveSheet, LiveSource } from "./registry";

export const olsEntry = {
  id: "ols",
  title: "Regression (OLS)",
  sheetName: "OLS",
  roles: [
    { id: "y", label: "Response (y)", accepts: "numeric", multiple: false },
    { id: "x", label: "Predictors (x)", accepts: "any", multiple: true },
  ],
  options: [
    { id: "intercept", label: "Intercept", kind: "boolean", default: true },
    {
      id: "confidenceLevel",
      label: "Confidence level",
      kind: "number",
      default: 0.95,
      min: 0.5,
      max: 0.999,
    },
    {
      id: "covarianceType",
      label: "Standard errors",
      kind: "choice",
      default: "nonrobust",
      choices: [
        { value: "nonrobust", label: "Classical" },
        { value: "HC1", label: "Robust (HC1)" },
        { value: "HC3", label: "Robust (HC3)" },
      ],
    },
  ],
  validate(input: AnalysisInput): string[] {
    const messages: string[] = [];
    const y = input.roles.y ?? [];
    const x = input.roles.x ?? [];
    if (y.length !== 1) messages.push("Choose one response column (y).");
    else if (y[0].kind !== "numeric")
      messages.push(`The response "${y[0].name}" holds text; choose a numeric column.`);
    if (x.length === 0) messages.push("Choose at least one predictor column (x).");
    if (y.length === 1 && x.some((column) => column.name === y[0].name)) {
      messages.push(`"${y[0].name}" is the response; it cannot also be a predictor.`);
    }
    const level = input.options.confidenceLevel;
    if (typeof level === "number" && !(level >= 0.5 && level <= 0.999)) {
      messages.push("The confidence level must be between 0.5 and 0.999 (for example 0.95).");
    }
    return messages;
  },
  run(input: AnalysisInput) {
    const [y] = input.roles.y;
    const x = input.roles.x;
    const result = runOls({
      y,
      x,
      intercept: input.options.intercept !== false,
      confidenceLevel:
        typeof input.options.confidenceLevel === "number"
          ? input.options.confidenceLevel
          : undefined,
      covarianceType: (input.options.covarianceType as CovarianceType | undefined) ?? "nonrobust",
    });
    return olsReport(
      result,
      x.map((column) => column.name),
    );
  },
  liveFormulas(input: AnalysisInput, source: LiveSource): LiveSheet | string {
    if (
      input.options.covarianceType !== undefined &&
      input.options.covarianceType !== "nonrobust"
    ) {
      return "=MMM.OLS shows classical standard errors; choose Classical to write live formulas.";
    }
    if (input.options.confidenceLevel !== undefined && input.options.confidenceLevel !== 0.95) {
      return "=MMM.OLS shows 95 % intervals; set the confidence level to 0.95 to write live formulas.";
    }
    const columns = sourceColumns(source);
    if (typeof columns === "string") return columns;
    const yName = input.roles.y[0].name;
    const xNames = input.roles.x.map((column) => column.name);
    const x = columns.block(xNames);
    if (x === null) {
      return "Live formulas need the x columns side by side and ticked in their order in the data; move them together, or write values instead.";
    }
    const y = columns.column(yName);
    const intercept = input.options.intercept !== false;
    const formula = (output: string) =>
      `=MMM.OLS(${y}, ${x}${intercept ? (output === "summary" ? "" : `, "${output}"`) : `, "${output}", FALSE`})`;
    return {
      title: `OLS (live formulas): ${yName} on ${xNames.join(", ")}`,
      formulas: [
        { cell: "A3", formula: formula("summary") },
        { cell: "J3", formula: formula("anova") },
      ],
    };
  },
} satisfies AnalysisEntry;
