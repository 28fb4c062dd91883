/**
 * Equal-width bins from the smallest to the largest draw, as `numpy.histogram(values, bins)`
 * makes them: edges `min + i·(max − min)/bins` with the last edge `max`, each bin closed on the
 * left and the last closed on both sides.
 */

export interface HistogramBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

/** The bin of `v` among `bins` equal bins on [minimum, maximum] (numpy's rule, edges included). */
export function histogramIndex(v: number, minimum: number, maximum: number, bins: number): number {
  if (maximum === minimum) return histogramIndex(v, minimum - 0.5, maximum + 0.5, bins);
  const step = (maximum - minimum) / bins;
  let index = Math.min(bins - 1, Math.floor(((v - minimum) / (maximum - minimum)) * bins));
  // numpy corrects the computed index against the edges themselves, which rounding can cross.
  if (index > 0 && v < edge(index, minimum, maximum, step, bins)) index--;
  else if (index < bins - 1 && v >= edge(index + 1, minimum, maximum, step, bins)) index++;
  return index;
}

export function histogramBins(
  minimum: number,
  maximum: number,
  counts: Float64Array,
): HistogramBin[] {
  const bins = counts.length;
  if (maximum === minimum) {
    // numpy widens a zero range to [v − 0.5, v + 0.5].
    return histogramBins(minimum - 0.5, maximum + 0.5, counts);
  }
  const step = (maximum - minimum) / bins;
  return Array.from(counts, (count, i) => ({
    lower: edge(i, minimum, maximum, step, bins),
    upper: edge(i + 1, minimum, maximum, step, bins),
    count,
  }));
}

/** numpy.linspace's edge i: start + i·step, the last one exactly the stop. */
function edge(i: number, minimum: number, maximum: number, step: number, bins: number): number {
  return i === bins ? maximum : minimum + i * step;
}
