/**
 * The jobs a worker of the pool runs, and the worker's side of them. Heavy work never runs on the
 * UI thread that the pane shares with the custom functions (OFFICE.md): the pane sends the rows
 * of its selection (in blocks, so no single message freezes it) and the analyses it runs; the
 * custom functions send their arguments. Failures come back as messages, never as exceptions.
 */
import { ANALYSES, type AnalysisInput } from "../engine/analyses/registry";
import type { Report } from "../engine/analyses/report";
import { readDataset } from "../engine/data/dataset";
import type { Dataset } from "../engine/data/types";
import { isEngineError } from "../engine/errors";
import type { Clustering } from "../engine/models/kmeans";
import { runTask, type Task, type TaskResult } from "../engine/parallel";
import { FUNCTION_TABLE } from "../functions/functionTable";
import { installCustomFunctionsShim } from "../functions/excelError";
import { currentThreads } from "./threads";

export type Job =
  | { readonly kind: "analysis"; readonly analysisId: string; readonly input: AnalysisInput }
  /** A worksheet function by id (`ols`) with Excel's arguments. */
  | { readonly kind: "function"; readonly name: string; readonly args: readonly unknown[] }
  /**
   * A block of a selection's rows, kept by the worker until the block with `last` set; the
   * `first` block drops what a cancelled read left behind.
   */
  | {
      readonly kind: "rows";
      readonly rows: readonly (readonly unknown[])[];
      readonly first: boolean;
      readonly last: boolean;
      readonly label: string;
    }
  /** A share of an analysis's heaviest work, sent by another worker to its helpers. */
  | { readonly kind: "task"; readonly task: Task };

/** What each job answers: a report, a spill, and for the last block of rows the dataset. */
export interface JobResults {
  readonly analysis: Report;
  readonly function: unknown[][];
  readonly rows: Dataset | null;
  readonly task: TaskResult;
}

/** Sent while a job runs, as often as every 1 % of the way: how far it has got (0 to 1). */
export interface JobProgress {
  readonly id: number;
  readonly progress: number;
}

export type JobResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly message: string;
      /** EngineError code for analyses and datasets, Excel error code (#VALUE!) for functions. */
      readonly code?: string;
    };

/** A worker's memory between jobs: the rows of a selection still arriving. */
export interface WorkerState {
  rows: (readonly unknown[])[];
}

export async function handleJob(
  id: number,
  job: Job,
  state: WorkerState,
  progress?: (fraction: number) => void,
): Promise<JobResponse> {
  try {
    return { id, ok: true, value: await run(job, state, progress) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    // A task's failure goes back as it is: the worker that sent it reports it.
    if (job.kind === "function" || job.kind === "task" || isEngineError(error)) {
      return { id, ok: false, message, code: typeof code === "string" ? code : undefined };
    }
    return {
      id,
      ok: false,
      message: `The analysis failed unexpectedly (${message}); please report it.`,
    };
  }
}

function run(job: Job, state: WorkerState, progress?: (fraction: number) => void): unknown {
  switch (job.kind) {
    case "analysis": {
      const entry = ANALYSES.find((candidate) => candidate.id === job.analysisId);
      if (entry === undefined) throw new Error(`There is no analysis "${job.analysisId}".`);
      return entry.run(job.input, currentThreads(), progress);
    }
    case "function": {
      installCustomFunctionsShim();
      const implementation = FUNCTION_TABLE[job.name];
      if (implementation === undefined) throw new Error(`There is no function "${job.name}".`);
      return implementation(...job.args);
    }
    case "rows": {
      if (job.first) state.rows = [];
      for (const row of job.rows) state.rows.push(row);
      if (!job.last) return null;
      const rows = state.rows;
      state.rows = [];
      return readDataset(rows, { label: job.label });
    }
    case "task":
      return runTask(job.task);
  }
}

/** Answers one job message through `post` (progress first), handing the response's buffers over. */
export function answer(
  message: { readonly id: number; readonly job: Job },
  state: WorkerState,
  post: (response: JobResponse | JobProgress, transfer: Transferable[]) => void,
): void {
  const progress = (fraction: number) => post({ id: message.id, progress: fraction }, []);
  void handleJob(message.id, message.job, state, progress).then((response) => {
    try {
      post(response, transferables(response));
    } catch (error) {
      // A value that cannot be sent (it cannot be cloned): say so rather than leave the job waiting.
      const reason = error instanceof Error ? error.message : String(error);
      post(
        {
          id: message.id,
          ok: false,
          message: `The result could not be sent back (${reason}); please report it.`,
        },
        [],
      );
    }
  });
}

/**
 * The buffers a response can hand over instead of copying: numeric columns' values, a task's
 * sums, a clustering's labels and centres.
 */
export function transferables(response: JobResponse): Transferable[] {
  if (!response.ok || typeof response.value !== "object" || response.value === null) return [];
  const value = response.value as Partial<Clustering>;
  if (response.value instanceof Float64Array) return [response.value.buffer as ArrayBuffer];
  if (value.labels instanceof Int32Array && value.centres instanceof Float64Array) {
    return [value.labels.buffer as ArrayBuffer, value.centres.buffer as ArrayBuffer];
  }
  const columns = (response.value as Partial<Dataset>).columns;
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((column) =>
    column.kind === "numeric" ? [column.values.buffer as ArrayBuffer] : [],
  );
}
