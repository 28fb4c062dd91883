/**
 * Random draws for Monte Carlo from our seeded generator, so that one seed gives the same draws on
 * every machine: standard normal (Marsaglia's polar method), gamma and chi-square (Marsaglia and
 * Tsang, 2000) and triangular (inverse CDF).
 */
import { Random } from "./random";

// Bound once: hot loops look them up on every call otherwise (slow in sandboxes such as jest's).
const { sqrt, log, pow } = Math;

export class Sampler {
  /** The polar method accepts a point and yields two normals: the second waits here (NaN: none). */
  private spare = NaN;

  constructor(private readonly random: Random) {}

  uniform(): number {
    return this.random.next();
  }

  normal(): number {
    if (this.spare === this.spare /* not NaN */) {
      const spare = this.spare;
      this.spare = NaN;
      return spare;
    }
    for (;;) {
      const u = 2 * this.random.next() - 1;
      const v = 2 * this.random.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = sqrt((-2 * log(s)) / s);
        this.spare = v * factor;
        return u * factor;
      }
    }
  }

  /** Gamma with this shape and scale 1. */
  gamma(shape: number): number {
    if (shape < 1) {
      // Gamma(a) = Gamma(a + 1) · U^(1/a), as Marsaglia and Tsang suggest for a < 1.
      const u = 1 - this.random.next(); // in (0, 1]: never 0 to a negative power
      return this.gamma(shape + 1) * pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = this.random.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
    }
  }

  chiSquare(degreesOfFreedom: number): number {
    return 2 * this.gamma(degreesOfFreedom / 2);
  }

  /** Triangular on [low, high] with its peak at `mode`. */
  triangular(low: number, mode: number, high: number): number {
    const u = this.random.next();
    const width = high - low;
    if (width === 0) return low;
    const split = (mode - low) / width;
    return u < split
      ? low + sqrt(u * width * (mode - low))
      : high - sqrt((1 - u) * width * (high - mode));
  }
}
