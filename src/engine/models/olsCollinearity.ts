/**
 * Rank deficiency of a design, found and explained by name before any coefficient is computed:
 * an all-zero column, a constant column beside the intercept, or a column that is a linear
 * combination of earlier ones. statsmodels silently returns a pseudo-inverse solution in these
 * cases and R reports the coefficient as NA; we refuse with a message that says what to remove.
 */
import type { Design } from "../data/design";
import { EngineError } from "../errors";
import type { DesignQr } from "../linalg/householderQr";

/**
 * A column counts as dependent when its component orthogonal to the earlier columns (|R_jj|)
 * is below this many units of rounding of its own norm: 10 max(n, k) eps. NIST Filip, the
 * hardest full-rank design we know, keeps 5e-8 of its norm; a duplicated column keeps ~1e-16.
 */
const DEPENDENCE_FACTOR = 10 * Number.EPSILON;

/** A message naming the first dependent column and what it depends on, or null when the design has full rank. */
export function findCollinearTerms(design: Design, qr: DesignQr): string | null {
  const { columns, terms } = design;
  const n = design.y.length;
  const hasIntercept = design.hasIntercept;
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    const name = terms[j].name;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (v < min) min = v;
      if (v > max) max = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) {
      return `x column "${name}" is all zero in the ${n} rows used, so its coefficient cannot be estimated; remove it.`;
    }
    if (hasIntercept && j > 0 && min === max) {
      return `x column "${name}" is constant (${max} in each of the ${n} rows used), so it duplicates the intercept; remove it.`;
    }
    const tolerance = DEPENDENCE_FACTOR * Math.max(n, columns.length) * norm;
    if (Math.abs(qr.r[j][j]) <= tolerance) {
      return describeDependence(design, qr, j, norm);
    }
  }
  return null;
}

/** Solves R[0..j) c = R[0..j, j] to find which earlier columns make up column j. */
function describeDependence(design: Design, qr: DesignQr, j: number, norm: number): string {
  const combination = new Float64Array(j);
  for (let i = j - 1; i >= 0; i--) {
    let s = qr.r[i][j];
    for (let m = i + 1; m < j; m++) s -= qr.r[i][m] * combination[m];
    combination[i] = s / qr.r[i][i];
  }
  const parts: string[] = [];
  for (let i = 0; i < j; i++) {
    const column = design.columns[i];
    let columnNorm = 0;
    for (let row = 0; row < column.length; row++) columnNorm += column[row] * column[row];
    if (Math.abs(combination[i]) * Math.sqrt(columnNorm) > 1e-8 * norm)
      parts.push(design.terms[i].name);
  }
  const name = design.terms[j].name;
  if (parts.length === 0) {
    return `x column "${name}" is numerically a linear combination of the columns before it in the rows used (perfectly collinear); remove it.`;
  }
  if (parts.length === 1) {
    return `x column "${name}" is proportional to "${parts[0]}" in the rows used (perfectly collinear); remove one of them.`;
  }
  return `x column "${name}" is a linear combination of ${parts.map((p) => `"${p}"`).join(", ")} in the rows used (perfectly collinear); remove one of them.`;
}

/**
 * Values beyond 1e+150 or nonzero values below 1e-150 in magnitude overflow or underflow when
 * squared, so sums of squares, norms and the QR would be meaningless: such a column is refused
 * with a request to rescale it (to thousands or millions, say).
 */
export function checkMagnitudes(design: Design): void {
  const named: [string, Float64Array][] = [
    ["y", design.y],
    ...design.columns.map((column, j): [string, Float64Array] => [
      `x column "${design.terms[j].name}"`,
      column,
    ]),
  ];
  for (const [name, values] of named) {
    let largest = 0;
    for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
    if (largest > 1e150 || (largest > 0 && largest < 1e-150)) {
      throw new EngineError(
        "invalidValue",
        `${name} has a largest magnitude of ${largest.toExponential(2)}, outside the range 1e-150 to 1e150 that the fit supports; rescale it (divide or multiply by a power of ten).`,
      );
    }
  }
}

/** A response with one value throughout leaves nothing to explain. */
export function checkResponseVaries(y: Float64Array, yName: string): void {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return;
  throw new EngineError(
    "degenerate",
    `y ("${yName}") is constant (${y[0]} in each of the ${y.length} rows used), so there is nothing to explain.`,
  );
}
