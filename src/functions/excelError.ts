/**
 * The boundary between engine failures and Excel error values. In Excel, `CustomFunctions.Error`
 * is provided by the runtime; outside it (the browser preview, tests) `installCustomFunctionsShim`
 * provides a compatible class. Only #VALUE! and #N/A show a custom message in Excel, so every
 * failure we explain is a #VALUE!.
 */
import { isEngineError } from "../engine/errors";

/** The Excel error codes our functions use, as the runtime spells them. */
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** A stand-in for `CustomFunctions.Error` where the Excel runtime is absent. */
export class ShimCustomFunctionsError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

/** Defines `CustomFunctions.Error` and `CustomFunctions.ErrorCode` where the runtime did not. */
export function installCustomFunctionsShim(
  target: Record<string, unknown> = globalThis as never,
): void {
  const existing = target.CustomFunctions as Record<string, unknown> | undefined;
  const namespace = existing ?? {};
  if (namespace.Error === undefined) namespace.Error = ShimCustomFunctionsError;
  if (namespace.ErrorCode === undefined) namespace.ErrorCode = ERROR_CODES;
  if (namespace.associate === undefined) namespace.associate = () => undefined;
  target.CustomFunctions = namespace;
}

/**
 * Turns anything thrown while computing a function into the `CustomFunctions.Error` Excel shows:
 * an engine error keeps its message as #VALUE!; an unexpected failure says so, rather than
 * surfacing an unexplained #VALUE!.
 */
export function toExcelError(error: unknown, functionName: string): CustomFunctions.Error {
  installCustomFunctionsShim();
  const message = isEngineError(error)
    ? `${functionName}: ${error.message}`
    : `${functionName} failed unexpectedly (${error instanceof Error ? error.message : String(error)}); please report it.`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}
