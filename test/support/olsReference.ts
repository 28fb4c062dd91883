/** Loads the statsmodels / R reference fixtures of test/fixtures/reference/ols and fits the same models. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runOls } from "../../src/engine/analyses/ols";
import { readCsvDataset } from "../../src/engine/data/csv";
import { selectColumns } from "../../src/engine/data/select";
import type { CovarianceType, OlsResult } from "../../src/engine/models/ols";
import { FIXTURES } from "./nist";

export interface ReferenceCoefficient {
  term: string;
  estimate: number;
  stdError: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
  vif?: number;
}

export interface ReferenceAnovaRow {
  term: string;
  df: number;
  sumSq: number;
  meanSq: number;
  f: number | null;
  p: number | null;
}

export interface StatsmodelsReference {
  case: string;
  file: string;
  y: string;
  x: string[];
  intercept: boolean;
  [field: string]: unknown;
  coefficients: ReferenceCoefficient[];
  ci90: { term: string; ciLow: number; ciHigh: number }[];
  robust: Record<
    "HC1" | "HC3",
    { coefficients: ReferenceCoefficient[]; fStatistic: number | null; fPValue: number | null }
  >;
  anova?: ReferenceAnovaRow[];
  fitted: number[];
  residuals: number[];
  leverage: number[];
  cooksDistance: number[];
}

export interface RReference {
  case: string;
  nobs: number;
  coefficients: ReferenceCoefficient[];
  anova: ReferenceAnovaRow[];
  leverage: number[];
  cooksDistance: number[];
  aliased?: string[];
  [field: string]: unknown;
}

export const STATSMODELS_CASES = [
  "sales_tv_radio",
  "sales342_tv_radio",
  "sales_all",
  "campaign",
  "mix",
  "mix_noint",
  "sales_noint_tv",
  "hss",
];

export function readReference<T>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, "reference", "ols", name), "utf8")) as T;
}

export function readSeedCsv(file: string): string {
  return readFileSync(join(FIXTURES, file), "utf8");
}

/** Fits the reference case's model with our engine, from the same CSV file. */
export function fitReferenceCase(
  reference: { file: string; y: string; x: string[]; intercept: boolean },
  options: { confidenceLevel?: number; covarianceType?: CovarianceType } = {},
): OlsResult {
  const dataset = readCsvDataset(readSeedCsv(reference.file), { label: reference.file });
  const [y] = selectColumns(dataset, [reference.y], reference.file);
  const x = selectColumns(dataset, reference.x, reference.file);
  return runOls({ y, x, intercept: reference.intercept, ...options });
}

/** |a - b| / |b|, or |a - b| when b is 0. */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
