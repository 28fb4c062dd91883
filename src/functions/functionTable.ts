/**
 * The worksheet functions' computations by id, synchronous: what a worker of the pool runs for
 * `=MMM.OLS(...)`, and what runs in place where there are no workers (Node, tests).
 */
import { runAbTestFunction, runSampleSizeFunction } from "./abtest";
import { runCorrFunction, runDescribeFunction } from "./explore";
import { runAnovaFunction, runTukeyFunction } from "./groups";
import { runKMeansFunction } from "./kmeans";
import { runOlsFunction } from "./ols";

export type FunctionImplementation = (...args: unknown[]) => unknown[][];

export const FUNCTION_TABLE: Readonly<Record<string, FunctionImplementation>> = {
  ols: runOlsFunction,
  anova: runAnovaFunction,
  tukey: runTukeyFunction,
  describe: runDescribeFunction,
  corr: runCorrFunction,
  abtest: runAbTestFunction,
  samplesize: runSampleSizeFunction,
  kmeans: runKMeansFunction,
};
