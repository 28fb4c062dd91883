/** Numbers as the plain-language readings quote them: three significant digits, p as "p < 0.001". */

/** 3 significant digits; exponent form below 1e-3 and from 1e7. */
export function readable(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}

/** "+2.97" or "-105": the sign always shown. */
export function signedReadable(value: number): string {
  return `${value >= 0 ? "+" : ""}${readable(value)}`;
}

/** "p < 0.001", "p = 0.042", or "p undefined". */
export function pText(p: number): string {
  if (Number.isNaN(p)) return "p undefined";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}
