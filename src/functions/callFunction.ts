/**
 * Where a worksheet function computes: on a worker of the page's pool when there is one (Excel,
 * the browser preview), so that a long regression never freezes the task pane sharing the UI
 * thread; in place otherwise (Node, tests). Either way the result is a promise, and a failure is
 * the `CustomFunctions.Error` the function threw, carried back from the worker.
 */
import { sharedPool } from "../workers/sharedPool";
import { JobFailed } from "../workers/workerPool";
import { installCustomFunctionsShim, toExcelError } from "./excelError";
import { FUNCTION_TABLE } from "./functionTable";

export async function callFunction(name: string, args: readonly unknown[]): Promise<unknown[][]> {
  const pool = sharedPool();
  if (pool === null) return FUNCTION_TABLE[name](...args);
  try {
    return await pool.run({ kind: "function", name, args });
  } catch (error) {
    installCustomFunctionsShim();
    if (error instanceof JobFailed && error.code?.startsWith("#")) {
      throw new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, error.message);
    }
    throw toExcelError(error, `MMM.${name.toUpperCase()}`);
  }
}
