/** Reads NIST StRD linear-regression .dat files (test/fixtures/nist) into columns and certified values. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface NistLinearSet {
  readonly name: string;
  readonly y: Float64Array;
  /** Predictor columns (polynomial powers expanded), without the intercept. */
  readonly predictors: Float64Array[];
  readonly intercept: boolean;
  /** Certified estimate and standard error per coefficient, B0 first. */
  readonly certified: { estimate: number; stdError: number }[];
  readonly residualStdDev: number;
  readonly rSquared: number;
}

/** Model of each set: polynomial degree in x, or "multi" (Longley), and whether it has an intercept. */
export const NIST_LINEAR: Record<string, { degree: number | "multi"; intercept: boolean }> = {
  Norris: { degree: 1, intercept: true },
  Pontius: { degree: 2, intercept: true },
  NoInt1: { degree: 1, intercept: false },
  NoInt2: { degree: 1, intercept: false },
  Filip: { degree: 10, intercept: true },
  Longley: { degree: "multi", intercept: true },
  Wampler1: { degree: 5, intercept: true },
  Wampler2: { degree: 5, intercept: true },
  Wampler3: { degree: 5, intercept: true },
  Wampler4: { degree: 5, intercept: true },
  Wampler5: { degree: 5, intercept: true },
};

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
export const FIXTURES = join(__dirname, "..", "fixtures");

export function readNistLinear(name: string): NistLinearSet {
  const model = NIST_LINEAR[name];
  const lines = readFileSync(join(FIXTURES, "nist", `${name}.dat`), "utf8").split(/\r?\n/);
  const certified: { estimate: number; stdError: number }[] = [];
  const data: number[][] = [];
  let residualStdDev = NaN;
  let rSquared = NaN;
  let inData = false;
  for (const line of lines) {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length === 3 && /^B\d+$/.test(tokens[0])) {
      certified.push({ estimate: Number(tokens[1]), stdError: Number(tokens[2]) });
    }
    const last = tokens[tokens.length - 1];
    if (line.includes("Standard Deviation") && tokens.length === 3 && NUMBER.test(last))
      residualStdDev = Number(last);
    if (line.includes("R-Squared") && NUMBER.test(last)) rSquared = Number(last);
    if (line.trim().startsWith("Data:")) {
      inData = true;
      continue;
    }
    if (inData && tokens.length > 1 && tokens.every((t) => NUMBER.test(t)))
      data.push(tokens.map(Number));
  }
  const y = Float64Array.from(data, (row) => row[0]);
  let predictors: Float64Array[];
  if (model.degree === "multi") {
    predictors = Array.from({ length: data[0].length - 1 }, (_, j) =>
      Float64Array.from(data, (row) => row[j + 1]),
    );
  } else {
    const degree = model.degree;
    predictors = Array.from({ length: degree }, (_, k) =>
      Float64Array.from(data, (row) => row[1] ** (k + 1)),
    );
  }
  return { name, y, predictors, intercept: model.intercept, certified, residualStdDev, rSquared };
}

/** Log relative error (digits of agreement), capped at 15; absolute when the certified value is 0. */
export function logRelativeError(estimate: number, certified: number): number {
  if (Number.isNaN(estimate)) return 0;
  if (estimate === certified) return 15;
  const error =
    certified === 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
  return Math.max(0, Math.min(15, -Math.log10(error)));
}

/** The NIST StRD one-way ANOVA sets, in order of difficulty. */
export const NIST_ANOVA = [
  "SiRstv",
  "SmLs01",
  "SmLs02",
  "SmLs03",
  "AtmWtAg",
  "SmLs04",
  "SmLs05",
  "SmLs06",
  "SmLs07",
  "SmLs08",
  "SmLs09",
] as const;

export interface NistAnovaSet {
  readonly name: string;
  /** Treatment id per observation, as written ("1", "2", ...). */
  readonly groups: string[];
  readonly values: Float64Array;
  readonly certified: {
    ssBetween: number;
    msBetween: number;
    f: number;
    ssWithin: number;
    msWithin: number;
    rSquared: number;
    residualSd: number;
  };
}

export function readNistAnova(name: string): NistAnovaSet {
  const lines = readFileSync(join(FIXTURES, "nist", `${name}.dat`), "utf8").split(/\r?\n/);
  const groups: string[] = [];
  const values: number[] = [];
  const certified = {
    ssBetween: NaN,
    msBetween: NaN,
    f: NaN,
    ssWithin: NaN,
    msWithin: NaN,
    rSquared: NaN,
    residualSd: NaN,
  };
  let inData = false;
  for (const line of lines) {
    const tokens = line.trim().split(/\s+/);
    const last = tokens[tokens.length - 1];
    if (line.trim().startsWith("Between") && tokens.length >= 6) {
      [certified.ssBetween, certified.msBetween, certified.f] = tokens.slice(-3).map(Number);
    }
    if (line.trim().startsWith("Within") && tokens.length >= 5) {
      [certified.ssWithin, certified.msWithin] = tokens.slice(-2).map(Number);
    }
    if (line.includes("R-Squared") && NUMBER.test(last)) certified.rSquared = Number(last);
    if (line.includes("Standard Deviation") && NUMBER.test(last))
      certified.residualSd = Number(last);
    if (line.trim().startsWith("Data:")) {
      inData = true;
      continue;
    }
    if (inData && tokens.length === 2 && tokens.every((t) => NUMBER.test(t))) {
      groups.push(tokens[0]);
      values.push(Number(tokens[1]));
    }
  }
  return { name, groups, values: Float64Array.from(values), certified };
}
