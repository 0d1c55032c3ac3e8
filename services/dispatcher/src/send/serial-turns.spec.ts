import fc from 'fast-check';
import { serialTurns } from './serial-turns';

describe('serialTurns', () => {
  it('runs one work at a time, in the order asked, even when some fail', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ delayMs: fc.integer({ min: 0, max: 3 }), fails: fc.boolean() }), { maxLength: 20 }), async (works) => {
      const takeTurn = serialTurns();
      const log: string[] = [];
      let running = 0;
      const results = await Promise.allSettled(works.map((work, index) => takeTurn(async () => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${index}`);
        await new Promise((resolve) => setTimeout(resolve, work.delayMs));
        running -= 1;
        log.push(`end ${index}`);
        if (work.fails) throw new Error(`work ${index}`);
        return index;
      })));
      expect(log).toEqual(works.flatMap((_, index) => [`start ${index}`, `end ${index}`]));
      expect(results).toEqual(works.map((work, index) => (work.fails ? { status: 'rejected', reason: new Error(`work ${index}`) } : { status: 'fulfilled', value: index })));
    }), { numRuns: 30 });
  });
});
