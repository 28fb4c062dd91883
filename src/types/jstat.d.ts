/** The part of jstat (MIT, no bundled types) the engine uses: the studentized range. */
declare module "jstat" {
  interface StudentizedRange {
    /** P(Q <= q) for `nmeans` groups and `df` degrees of freedom (R's `ptukey`). */
    cdf(q: number, nmeans: number, df: number): number;
    /** The q with P(Q <= q) = p (R's `qtukey`). */
    inv(p: number, nmeans: number, df: number): number;
  }
  export const jStat: {
    tukey: StudentizedRange;
    gammaln: (x: number) => number;
  };
}
