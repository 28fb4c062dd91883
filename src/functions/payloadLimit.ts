/**
 * Excel on the web caps what a custom function may return at 5 MB, and larger results have been
 * seen to hang at #BUSY! (OFFICE.md). At about 20 bytes a cell in the JSON Excel exchanges, that
 * is 250,000 cells: above it, on the web, a function answers with a #VALUE! that says what to do
 * instead. Desktop Excel has no such cap, so there the table goes through.
 */
import { EngineError } from "../engine/errors";

export const WEB_CELL_LIMIT = 250_000;

/** Whether this runtime is Excel on the web (Office.context.platform === OfficeOnline). */
export function runsOnTheWeb(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return (
    office?.context?.platform !== undefined &&
    office.context.platform === office.PlatformType?.OfficeOnline
  );
}

export function checkPayload(
  table: readonly (readonly unknown[])[],
  output: string,
  onTheWeb = runsOnTheWeb(),
): void {
  if (!onTheWeb) return;
  const cells = table.length * (table[0]?.length ?? 0);
  if (cells > WEB_CELL_LIMIT) {
    throw new EngineError(
      "tooLarge",
      `the "${output}" output has ${cells.toLocaleString("en-US")} cells, more than the ${WEB_CELL_LIMIT.toLocaleString("en-US")} Excel on the web can return from a function (5 MB); use Excel desktop, the task pane or the command line for it.`,
    );
  }
}
