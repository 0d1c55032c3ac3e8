import { z } from 'zod';
import { ConfigError, loadConfig } from './config';
import { envInteger, envList, envLogLevel, envOptionalInteger, hostPort } from './config-fields';

const schema = z.object({
  PORT: envInteger(8080, { min: 1, max: 65_535 }),
  KAFKA_BROKERS: envList(hostPort).pipe(z.array(z.string()).min(1, 'needs at least one broker')),
  LOG_LEVEL: envLogLevel,
});

describe('loadConfig', () => {
  it('reads typed values and applies defaults', () => {
    expect(loadConfig('svc', schema, { KAFKA_BROKERS: 'a:9092, b:9093,' })).toEqual({
      PORT: 8080,
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad variable, with the value given, in one error', () => {
    const load = () => loadConfig('svc', schema, { PORT: '70000', KAFKA_BROKERS: 'nohost', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toMatch(/^svc: invalid configuration/);
      expect(message).toContain('PORT="70000": must be at most 65535');
      expect(message).toContain('KAFKA_BROKERS.0: must be host:port');
      expect(message).toContain('LOG_LEVEL="loud"');
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('says when a required variable is missing', () => {
    expect(() => loadConfig('svc', schema, {})).toThrow(/KAFKA_BROKERS: /);
  });

  it.each([['abc'], ['-1'], ['1.5'], ['']])('rejects %j as a whole number', (value) => {
    expect(() => loadConfig('svc', schema, { PORT: value, KAFKA_BROKERS: 'a:1' })).toThrow(/PORT=/);
  });

  it('leaves an optional whole number unset, and checks it when set', () => {
    const optional = z.object({ RATE: envOptionalInteger({ min: 1, max: 100 }) });
    expect(loadConfig('svc', optional, {})).toEqual({ RATE: undefined });
    expect(loadConfig('svc', optional, { RATE: ' 42 ' })).toEqual({ RATE: 42 });
    expect(() => loadConfig('svc', optional, { RATE: '0' })).toThrow('RATE="0": must be at least 1');
    expect(() => loadConfig('svc', optional, { RATE: 'fast' })).toThrow('RATE="fast": must be a whole number');
  });
});
