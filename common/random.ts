/**
 * @module common/random
 * The one seeded pseudo-random generator (the demo-county generator's records, the probabilistic
 * projection's draws): sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit
 * state) seeded through a 32-bit integer hash of the run seed and a stream path, plus the draws
 * the simulation needs (normal, binomial, Poisson, exponential, gamma). No Math.random anywhere: the same seed and stream path give
 * the same numbers on every machine.
 *
 * @example
 * const rng = new Rng(1, STREAM.births, townshipIndex);   // generator/streams.ts
 * const draws = new Rng(seed);                              // a projection's seed
 * const boys = rng.binomial(120, 0.54);
 */

/** A 32-bit avalanche mix (the finaliser of MurmurHash3). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash a path of integers (seed, stream, township, …) to one 32-bit seed. */
export function hashPath(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32(h ^ mix32((p >>> 0) + 0x7f4a7c15));
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = Number.NaN;

  constructor(...path: readonly number[]) {
    const h = hashPath(...path);
    this.a = mix32(h ^ 0x243f6a88);
    this.b = mix32(h ^ 0x85a308d3);
    this.c = mix32(h ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  /** sfc32 step: a uniform 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in (0, 1], safe for logarithms. */
  nextOpen(): number {
    return (this.nextU32() + 1) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Marsaglia polar method, the second value is kept). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  exponential(mean: number): number {
    return -Math.log(this.nextOpen()) * mean;
  }

  /** Gamma with integer shape k (sum of k exponentials) and the given mean. */
  gammaInt(k: number, mean: number): number {
    let p = 1;
    for (let i = 0; i < k; i++) p *= this.nextOpen();
    return (-Math.log(p) * mean) / k;
  }

  /** Poisson count: multiplication method below 30, rounded normal above. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 30) {
      const l = Math.exp(-lambda);
      let k = 0;
      let p = this.next();
      while (p > l) {
        k++;
        p *= this.next();
      }
      return k;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
  }

  /** Binomial count: inversion when n·min(p,1−p) < 30, rounded clamped normal above. */
  binomial(n: number, p: number): number {
    if (n <= 0 || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    const mean = n * p;
    if (mean < 30) {
      const q = 1 - p;
      const s = p / q;
      const a = (n + 1) * s;
      let r = Math.pow(q, n);
      let u = this.next();
      let x = 0;
      while (u > r) {
        u -= r;
        x++;
        if (x > n) return n;
        r *= a / x - s;
        if (r <= 0) break;
      }
      return x;
    }
    const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * this.normal());
    return x < 0 ? 0 : x > n ? n : x;
  }

  /** Index drawn from unnormalised weights. */
  pick(weights: ArrayLike<number>, total?: number): number {
    let t = total ?? 0;
    if (total === undefined) for (let i = 0; i < weights.length; i++) t += weights[i]!;
    let u = this.next() * t;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}
