/**
 * Random draws for Monte Carlo from our seeded generator, so that one seed gives the same draws on
 * every machine: standard normal (Marsaglia and Tsang's ziggurat, 2000, in Doornik's form with
 * independent bits for the layer and the value, 2005), gamma and chi-square (Marsaglia and Tsang,
 * 2000) and triangular (inverse CDF).
 */
import { Random } from "./random";

// Bound once: hot loops look them up on every call otherwise (slow in sandboxes such as jest's).
const { sqrt, log, pow, exp, abs } = Math;

/**
 * The ziggurat: 128 layers of equal area V under exp(−x²/2), the lowest reaching out to R with the
 * tail beyond. LAYER_X[i] is layer i's right edge (LAYER_X[0] = V / f(R), the lowest layer's width
 * as a rectangle); INSIDE[i] = LAYER_X[i + 1] / LAYER_X[i], the share of layer i wholly under
 * the curve. Constants from Marsaglia and Tsang (2000).
 */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const LAYER_X = new Float64Array(LAYERS + 1);
const INSIDE = new Float64Array(LAYERS);
{
  let f = exp(-0.5 * R * R);
  LAYER_X[0] = V / f;
  LAYER_X[1] = R;
  for (let i = 2; i < LAYERS; i++) {
    LAYER_X[i] = sqrt(-2 * log(V / LAYER_X[i - 1] + f));
    f = exp(-0.5 * LAYER_X[i] * LAYER_X[i]);
  }
  for (let i = 0; i < LAYERS; i++) INSIDE[i] = LAYER_X[i + 1] / LAYER_X[i];
}

export class Sampler {
  constructor(private readonly random: Random) {}

  uniform(): number {
    return this.random.next();
  }

  /**
   * A standard normal. Each try takes 64 random bits: 7 choose the layer, 53 a uniform u on
   * (−1, 1); x = u · LAYER_X[i] is accepted at once when it lies inside the layer's rectangle
   * under the curve (97 % of tries), else from the wedge or, in the lowest layer, the tail; 98.8 %
   * of tries give a draw.
   */
  normal(): number {
    for (;;) {
      const first = this.random.nextUint32();
      const second = this.random.nextUint32();
      const layer = first & 0x7f;
      // 25 bits of the first word above the layer's, 28 of the second: 53 bits, u in [−1, 1).
      const u = ((first >>> 7) * 268435456 + (second >>> 4)) / 4503599627370496 - 1;
      if (abs(u) < INSIDE[layer]) return u * LAYER_X[layer];
      if (layer === 0) return this.tail(u < 0);
      const x = u * LAYER_X[layer];
      const outer = exp(-0.5 * (LAYER_X[layer] * LAYER_X[layer] - x * x));
      const inner = exp(-0.5 * (LAYER_X[layer + 1] * LAYER_X[layer + 1] - x * x));
      if (inner + this.random.next() * (outer - inner) < 1) return x;
    }
  }

  /** A normal beyond R (Marsaglia, 1964), on the side asked. */
  private tail(negative: boolean): number {
    for (;;) {
      const x = log(1 - this.random.next()) / R; // 1 − next() is in (0, 1]: log finite
      const y = log(1 - this.random.next());
      if (-2 * y >= x * x) return negative ? x - R : R - x;
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
