/** A seeded generator (mulberry32), so that a sandbox run can be replayed. */
export interface Random {
  next(): number;
  chance(probability: number): boolean;
  between(range: readonly [number, number]): number;
  hex(length: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (probability) => probability > 0 && next() < probability,
    between: ([min, max]) => Math.round(min + (max - min) * next()),
    hex: (length) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}
