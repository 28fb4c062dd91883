/**
 * `=MMM.SIMULATE(y, x, plan, [iterations], [seed], [output], [target])`: the regression of y on
 * the spend columns x, then a Monte Carlo of each plan row (a header row naming x's columns):
 * a summary per plan, or all percentiles, the histograms, each channel's incremental sales and
 * ROI ("contrib"), each plan against the first ("compare"), or the draws.
 */
import {
  channelsTable,
  comparisonTable,
  histogramTable,
  percentilesTable,
  runSimulation,
  summaryTable,
} from "../engine/analyses/simulate";
import { detectHeader, readDataset } from "../engine/data/dataset";
import type { Cell } from "../engine/data/types";
import { EngineError } from "../engine/errors";
import { readPlan } from "../engine/simulate/plan";
import { asGrid, optionalNumber, optionalString, toSpill } from "./arguments";
import { toExcelError } from "./excelError";
import { checkPayload } from "./payloadLimit";

const OUTPUTS = ["summary", "percentiles", "histogram", "contrib", "compare", "draws"] as const;

export function runSimulateFunction(
  yArgument: unknown,
  xArgument: unknown,
  planArgument: unknown,
  iterationsArgument: unknown,
  seedArgument: unknown,
  outputArgument: unknown,
  targetArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const output = (optionalString(outputArgument, "output") ?? "summary").trim().toLowerCase();
    if (!(OUTPUTS as readonly string[]).includes(output)) {
      throw new EngineError(
        "invalidOption",
        `output must be one of ${OUTPUTS.map((o) => `"${o}"`).join(", ")}; it is "${output}".`,
      );
    }
    const yGrid = asGrid(yArgument, "y");
    const xGrid = asGrid(xArgument, "x");
    if (yGrid[0].length !== 1) {
      throw new EngineError(
        "shapeMismatch",
        `y must be a single column; it has ${yGrid[0].length} columns. Put the spend columns in x.`,
      );
    }
    if (xGrid.length !== yGrid.length) {
      throw new EngineError(
        "shapeMismatch",
        `x and y must have the same number of rows; x has ${xGrid.length} rows, y has ${yGrid.length}.`,
      );
    }
    const hasHeader = detectHeader(yGrid.map((row, i) => [...row, ...xGrid[i]]));
    if (!hasHeader) {
      throw new EngineError(
        "invalidValue",
        "y and x need a header row: the plan's header names the x columns it gives spend for.",
      );
    }
    const y = readDataset(yGrid, { headers: true, label: "y" }).columns[0];
    const x = readDataset(xGrid, { headers: true, label: "x" }).columns;
    const plan = readDataset(asGrid(planArgument, "plan"), { headers: true, label: "plan" });
    const run = runSimulation(y, x, (inputs) => readPlan(plan, inputs), {
      iterations: optionalNumber(iterationsArgument, "iterations") ?? 10_000,
      seed: optionalNumber(seedArgument, "seed") ?? 0,
      target: optionalNumber(targetArgument, "target") ?? undefined,
    });
    const table: Cell[][] = (() => {
      switch (output) {
        case "percentiles":
          return percentilesTable(run);
        case "histogram":
          return histogramTable(run);
        case "contrib":
          return channelsTable(run);
        case "compare":
          if (run.simulation.differences.length === 0) {
            throw new EngineError(
              "invalidOption",
              'output "compare" needs a plan of two rows or more: each is compared with the first.',
            );
          }
          return comparisonTable(run);
        case "draws": {
          const { plans, draws } = run.simulation;
          return [
            plans.map((plan) => plan.name),
            ...Array.from(draws![0], (_, i) => draws!.map((values) => values[i])),
          ];
        }
        default:
          return summaryTable(run);
      }
    })();
    const spill = toSpill(table);
    checkPayload(spill, output);
    return spill;
  } catch (error) {
    throw toExcelError(error, "MMM.SIMULATE");
  }
}
