import { ConfigError } from '@recado/service-kit';
import { loadWebhookIngestConfig } from './config';

const minimal = { WEBHOOK_APP_SECRETS: 'secret-one', WEBHOOK_VERIFY_TOKEN: 'verify-token', KAFKA_BROKERS: 'kafka:9092' };

describe('loadWebhookIngestConfig', () => {
  it('applies defaults above Meta’s 3 MB payload limit', () => {
    expect(loadWebhookIngestConfig(minimal)).toEqual({
      port: 8081, host: '0.0.0.0', path: '/webhook', appSecrets: ['secret-one'], verifyToken: 'verify-token',
      bodyLimitBytes: 4 * 1024 * 1024, publishTimeoutMs: 15_000, publishConcurrency: 1, publishLingerMs: 2, kafkaBrokers: ['kafka:9092'], logLevel: 'info',
    });
  });

  it('takes several app secrets', () => {
    expect(loadWebhookIngestConfig({ ...minimal, WEBHOOK_APP_SECRETS: 'secret-one,secret-two' }).appSecrets).toEqual(['secret-one', 'secret-two']);
  });

  it.each([
    ['no app secret', { WEBHOOK_APP_SECRETS: ' , ' }, /WEBHOOK_APP_SECRETS.*set at least one app secret/],
    ['a short secret', { WEBHOOK_APP_SECRETS: 'short' }, /WEBHOOK_APP_SECRETS.*at least 8 characters/],
    ['a body limit under Meta’s maximum', { WEBHOOK_BODY_LIMIT_BYTES: '1000' }, /WEBHOOK_BODY_LIMIT_BYTES="1000": must be at least 3145728/],
    ['a bad broker list', { KAFKA_BROKERS: 'kafka' }, /KAFKA_BROKERS.0: must be host:port/],
    ['a path without a slash', { WEBHOOK_PATH: 'webhook' }, /WEBHOOK_PATH="webhook"/],
    ['a linger over 100 ms', { WEBHOOK_PUBLISH_LINGER_MS: '250' }, /WEBHOOK_PUBLISH_LINGER_MS="250": must be at most 100/],
  ])('refuses %s with a message naming the variable', (_case, override, message) => {
    expect(() => loadWebhookIngestConfig({ ...minimal, ...override })).toThrow(ConfigError);
    expect(() => loadWebhookIngestConfig({ ...minimal, ...override })).toThrow(message);
  });

  it('lists every missing variable at once', () => {
    expect(() => loadWebhookIngestConfig({})).toThrow(/WEBHOOK_APP_SECRETS[\s\S]*WEBHOOK_VERIFY_TOKEN/);
  });

  it('leaves the broker list empty when the platform brings its own bus', () => {
    const { KAFKA_BROKERS: _brokers, ...embedded } = minimal;
    expect(loadWebhookIngestConfig(embedded).kafkaBrokers).toEqual([]);
  });
});
