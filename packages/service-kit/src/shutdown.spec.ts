import { PassThrough } from 'node:stream';
import { createLogger } from './logger';
import { stopOnSignals } from './shutdown';

describe('stopOnSignals', () => {
  const logger = createLogger({ service: 'test', stream: new PassThrough() });
  afterEach(() => {
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
  });

  it('stops once on SIGTERM and exits 0', async () => {
    const stop = jest.fn(() => Promise.resolve());
    const exited = new Promise<number>((resolve) => stopOnSignals(logger, stop, resolve));
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    await expect(exited).resolves.toBe(0);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when stopping fails', async () => {
    const exited = new Promise<number>((resolve) => stopOnSignals(logger, () => Promise.reject(new Error('stuck')), resolve));
    process.emit('SIGINT', 'SIGINT');
    await expect(exited).resolves.toBe(1);
  });
});
