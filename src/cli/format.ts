/** Number formatting for the CLI's readable reports. */

/** A number in at most `digits` significant digits, switching to exponent form when tiny or huge. */
export function formatNumber(value: number | null, digits = 6): string {
  if (value === null || Number.isNaN(value)) return "nan";
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e9) return value.toExponential(digits - 3);
  return String(Number(value.toPrecision(digits)));
}

/** A p-value as statsmodels prints it: three decimals, or "<0.001"-style exponent when small. */
export function formatP(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "nan";
  return value < 0.001 ? value.toExponential(2) : value.toFixed(3);
}

/** Text table with right-aligned columns after the first. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, j) => (widths[j] = Math.max(widths[j] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
        .join("  "),
    )
    .join("\n");
}

/** Table cells as text: blanks empty, numbers in 6 significant digits. */
export function cellsText(
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string[][] {
  return rows.map((row) =>
    row.map((cell) =>
      cell === null ? "" : typeof cell === "number" ? formatNumber(cell) : String(cell),
    ),
  );
}
