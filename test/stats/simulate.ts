/**
 * Deterministic simulation helpers for the empirical-Bayes tests: a seeded uniform generator
 * (mulberry32), normal by Box–Muller, gamma by Marsaglia & Tsang (2000), beta as a ratio of
 * gammas, and binomial counts by summing Bernoulli draws.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(u);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const w = u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function beta(a: number, b: number, u: () => number): number {
  const x = gamma(a, u);
  return x / (x + gamma(b, u));
}

export function binomial(n: number, p: number, u: () => number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (u() < p) m++;
  return m;
}
