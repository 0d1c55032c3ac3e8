/** The sandbox's time: the wall clock shifted by an offset tests can set. */
export interface SandboxClock {
  now(): Date;
  offsetMs(): number;
  setOffsetMs(offsetMs: number): void;
}

export function createSandboxClock(wallClock: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => new Date(wallClock() + offset),
    offsetMs: () => offset,
    setOffsetMs: (offsetMs) => {
      offset = offsetMs;
    },
  };
}
