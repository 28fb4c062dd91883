/**
 * The worksheet functions' computations by id: what a worker of the pool runs for
 * `=MMM.OLS(...)`, and what runs in place where there are no workers (Node, tests). Most return
 * their spill at once; =MMM.KMEANS returns a promise, as it shares its work with helper threads.
 */
import { runAbTestFunction, runSampleSizeFunction } from "./abtest";
import { runCorrFunction, runDescribeFunction } from "./explore";
import { runAnovaFunction, runTukeyFunction } from "./groups";
import { runKMeansFunction } from "./kmeans";
import { runOlsFunction } from "./ols";
import { runSimulateFunction } from "./simulate";

export type FunctionImplementation = (...args: unknown[]) => unknown[][] | Promise<unknown[][]>;

export const FUNCTION_TABLE: Readonly<Record<string, FunctionImplementation>> = {
  ols: runOlsFunction,
  anova: runAnovaFunction,
  tukey: runTukeyFunction,
  describe: runDescribeFunction,
  corr: runCorrFunction,
  abtest: runAbTestFunction,
  samplesize: runSampleSizeFunction,
  kmeans: runKMeansFunction,
  simulate: runSimulateFunction,
};
