/**
 * A seeded pseudo-random generator of our own (xoshiro128**, Blackman & Vigna), so that the same
 * seed gives the same restarts, samples and labels on every machine and engine: integer
 * arithmetic only, seeded through splitmix32. `Math.random` is never used for results.
 */
// Bound once: a global lookup per call is slow in sandboxes such as jest's.
const { imul, floor } = Math;

export class Random {
  /**
   * The four 32-bit words of state, in a typed array: as object fields, values above 2^30 would be
   * boxed numbers, and a Monte Carlo run draws millions of them.
   */
  private readonly state = new Uint32Array(4);

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let word = 0; word < 4; word++) this.state[word] = next();
  }

  /**
   * Generator number `index` of a family sharing one seed: each restart of an algorithm draws from
   * its own, so restarts give the same results whichever thread runs them, in whatever order.
   */
  static stream(seed: number, index: number): Random {
    return new Random(mix32((seed >>> 0) ^ mix32(index + 0x632be5ab)));
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const b = s[1];
    const result = imul(rotl(imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = b << 9;
    s[2] ^= s[0];
    s[3] ^= b;
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A double uniform on [0, 1) with 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** An integer uniform on [0, n). */
  integer(n: number): number {
    return floor(this.next() * n);
  }
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
