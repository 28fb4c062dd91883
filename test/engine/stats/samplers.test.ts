/**
 * The samplers' mean, variance, skewness (and for the normal, kurtosis) against their analytic
 * values. 2,000,000 draws from a fixed seed; each tolerance is about five standard errors of
 * that statistic, so a correct sampler passes with any seed, and an error of 1 % in the normal's
 * variance (or a wrong constant anywhere) fails.
 */
import { Random } from "../../../src/engine/stats/random";
import { Sampler } from "../../../src/engine/stats/samplers";
import { normalCdf } from "../../../src/engine/stats/normal";

const DRAWS = 2_000_000;

function moments(draw: () => number) {
  const values = Float64Array.from({ length: DRAWS }, draw);
  const mean = values.reduce((sum, x) => sum + x, 0) / DRAWS;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let min = Infinity;
  for (const x of values) {
    min = x < min ? x : min;
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= DRAWS;
  m3 /= DRAWS;
  m4 /= DRAWS;
  return {
    mean,
    variance: m2,
    skew: m3 / m2 ** 1.5,
    excessKurtosis: m4 / (m2 * m2) - 3,
    min,
  };
}

describe("Sampler", () => {
  it("draws standard normals: mean 0, variance 1, skewness 0, excess kurtosis 0", () => {
    const sampler = new Sampler(new Random(1));
    const m = moments(() => sampler.normal());
    // Standard errors at 2,000,000 draws: mean 0.0007, variance 0.001, skew 0.0017, kurtosis 0.0035.
    expect(Math.abs(m.mean)).toBeLessThan(0.0035);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.005);
    expect(Math.abs(m.skew)).toBeLessThan(0.009);
    expect(Math.abs(m.excessKurtosis)).toBeLessThan(0.018);
  });

  it("draws normals whose share below z matches the normal CDF, through the ziggurat's wedges and tail", () => {
    const sampler = new Sampler(new Random(4));
    // Layer edges fall between these; 3.442... is where the tail begins.
    const points = [-4, -3.5, -3, -2, -1, -0.5, 0, 0.3, 1.5, 2.5, 3.3, 3.6, 4.2];
    const below = points.map(() => 0);
    for (let n = 0; n < DRAWS; n++) {
      const z = sampler.normal();
      points.forEach((point, i) => (below[i] += z < point ? 1 : 0));
    }
    points.forEach((point, i) => {
      const p = normalCdf(point);
      // Five binomial standard errors.
      expect(Math.abs(below[i] / DRAWS - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / DRAWS));
    });
  });

  it.each([
    // [degrees of freedom, tolerance on the skewness (its standard error grows with it)]
    [0.6, 0.07],
    [3, 0.025],
    [50, 0.009],
  ])(
    "draws chi-square with %p degrees of freedom: mean k, variance 2k, skewness sqrt(8 / k)",
    (k, skewTolerance) => {
      const chi = new Sampler(new Random(2));
      const m = moments(() => chi.chiSquare(k));
      // SE of the mean sqrt(2k / n); of the variance about sqrt((12k^2 + 48k) / n) for chi-square.
      expect(Math.abs(m.mean - k)).toBeLessThan(5 * Math.sqrt((2 * k) / DRAWS));
      expect(Math.abs(m.variance - 2 * k)).toBeLessThan(
        5 * Math.sqrt((12 * k * k + 48 * k) / DRAWS),
      );
      expect(Math.abs(m.skew - Math.sqrt(8 / k))).toBeLessThan(skewTolerance);
      expect(m.min).toBeGreaterThanOrEqual(0);
    },
  );

  it("draws triangular(0, 2, 10): mean 4, variance 14/3, its skewness, never outside", () => {
    const [a, c, b] = [0, 2, 10];
    const triangle = new Sampler(new Random(3));
    const values: number[] = [];
    const m = moments(() => {
      const x = triangle.triangular(a, c, b);
      if (values.length < 1000) values.push(x);
      return x;
    });
    const spread = a * a + b * b + c * c - a * b - a * c - b * c;
    const skew =
      (Math.SQRT2 * (a + b - 2 * c) * (2 * a - b - c) * (a - 2 * b + c)) / (5 * spread ** 1.5);
    expect(Math.abs(m.mean - (a + b + c) / 3)).toBeLessThan(5 * Math.sqrt(spread / 18 / DRAWS));
    expect(Math.abs(m.variance - spread / 18)).toBeLessThan(0.012);
    expect(Math.abs(m.skew - skew)).toBeLessThan(0.005);
    expect(values.every((x) => x >= a && x <= b)).toBe(true);
    expect(new Sampler(new Random(4)).triangular(5, 5, 5)).toBe(5);
  });

  it("gives the same draws for the same seed", () => {
    const first = new Sampler(new Random(9));
    const second = new Sampler(new Random(9));
    const draws = (s: Sampler) => [s.normal(), s.normal(), s.chiSquare(4), s.triangular(0, 1, 3)];
    expect(draws(first)).toEqual(draws(second));
  });
});
