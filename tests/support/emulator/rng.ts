/**
 * Small seeded PRNG (mulberry32). Each concern gets its own stream so that,
 * for example, enabling latency jitter does not change which calls a
 * probabilistic fault hits.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derive an independent stream for a named purpose. */
export function deriveRng(seed: number, purpose: string): Rng {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < purpose.length; i++) {
    h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193);
  }
  return mulberry32(h);
}
