/**
 * Singular values of a small square matrix (the p x p R factor of a QR), largest first.
 * R has the singular values of X, so this gives X's condition number without a second pass
 * over the data. ml-matrix's SVD is accurate enough here (relative error of the smallest value
 * about eps * condition number, as numpy's, which statsmodels uses).
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";

export function singularValuesOfUpper(r: readonly Float64Array[]): number[] {
  const matrix = new Matrix(r.map((row) => Array.from(row)));
  const svd = new SingularValueDecomposition(matrix, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  return [...svd.diagonal].sort((a, b) => b - a);
}
