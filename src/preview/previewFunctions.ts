/**
 * The worksheet functions the preview evaluates: the production module that Excel loads
 * (src/functions/functions.ts), each export under its id (`ols` -> `OLS`), with the
 * `CustomFunctions` shim that office.js lacks outside Excel.
 */
import "./customFunctionsShim";
import * as worksheetFunctions from "../functions/functions";
import type { FunctionTable } from "./workbook/workbook";

export function previewFunctions(): FunctionTable {
  return Object.fromEntries(
    Object.entries(worksheetFunctions)
      .filter(([, value]) => typeof value === "function")
      .map(([name, implementation]) => [
        name.toUpperCase(),
        implementation as (...args: unknown[]) => unknown,
      ]),
  );
}
