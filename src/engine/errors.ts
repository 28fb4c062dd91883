/**
 * The one error type of the engine. Every failure a user can cause (bad input, too few rows,
 * collinear columns) is an EngineError with a code from the catalogue below and a message that
 * states the precondition and the actual numbers. Views translate it: the custom functions into
 * `CustomFunctions.Error(#VALUE!)`, the CLI into one line on stderr and exit code 1.
 */
export type EngineErrorCode =
  /** A cell or argument has the wrong type (text in a numeric column, an Excel error value). */
  | "invalidValue"
  /** Inputs disagree in shape (x and y of different lengths, a column name not found). */
  | "shapeMismatch"
  /** Not enough usable rows after missing values were dropped. */
  | "tooFewRows"
  /** A column is constant, all zero, a duplicate or a linear combination of others. */
  | "collinear"
  /** A categorical predictor with a single level, or another degenerate input. */
  | "degenerate"
  /** The input exceeds a documented size ceiling. */
  | "tooLarge"
  /** An option has a value outside its allowed set or range. */
  | "invalidOption"
  /** The host lacks what the computation needs (WebAssembly with SIMD). */
  | "unsupported";

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = "EngineError";
    this.code = code;
  }
}

/** True for errors the engine raised on purpose (as opposed to a bug). */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
