/**
 * The messages between the pane and the analysis worker, and the worker's side of them. Heavy
 * work never runs on the UI thread that the pane shares with the custom functions (OFFICE.md):
 * the pane posts the chosen columns and options, the worker runs the registry's entry and posts
 * back the report or the engine's error.
 */
import { isEngineError } from "../engine/errors";
import { ANALYSES, type AnalysisInput } from "../engine/analyses/registry";
import type { Report } from "../engine/analyses/report";

export interface AnalysisRequest {
  readonly id: number;
  readonly analysisId: string;
  readonly input: AnalysisInput;
}

export type AnalysisResponse =
  | { readonly id: number; readonly ok: true; readonly report: Report }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string };

/** Runs one request (in the worker). Never throws: failures become an error response. */
export function handleAnalysisRequest(request: AnalysisRequest): AnalysisResponse {
  const entry = ANALYSES.find((candidate) => candidate.id === request.analysisId);
  if (entry === undefined) {
    return { id: request.id, ok: false, message: `There is no analysis "${request.analysisId}".` };
  }
  try {
    return { id: request.id, ok: true, report: entry.run(request.input) };
  } catch (error) {
    if (isEngineError(error))
      return { id: request.id, ok: false, code: error.code, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return {
      id: request.id,
      ok: false,
      message: `The analysis failed unexpectedly (${message}); please report it.`,
    };
  }
}
