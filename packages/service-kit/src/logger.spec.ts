import { PassThrough } from 'node:stream';
import { createLogger } from './logger';

const linesOf = (stream: PassThrough): Record<string, unknown>[] =>
  String(stream.read() ?? '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, service and the fields given', () => {
    const stream = new PassThrough();
    const logger = createLogger({ service: 'webhook-ingest', stream });
    logger.info('webhook accepted', { requestId: 'r-1', events: 3 });
    const [line] = linesOf(stream);
    expect(line).toMatchObject({ level: 'info', message: 'webhook accepted', service: 'webhook-ingest', requestId: 'r-1', events: 3 });
    expect(Date.parse(String(line?.['timestamp']))).not.toBeNaN();
  });

  it('drops lines below its level', () => {
    const stream = new PassThrough();
    const logger = createLogger({ service: 's', level: 'warn', stream });
    logger.info('quiet');
    logger.warn('loud');
    expect(linesOf(stream).map((line) => line['message'])).toEqual(['loud']);
  });
});
