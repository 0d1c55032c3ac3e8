import { Counter, Histogram, type Registry } from 'prom-client';

export type RejectionCause =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'malformed_json'
  | 'verification_failed'
  | 'publish_failed'
  | 'not_found'
  | 'method_not_allowed';

export interface WebhookMetrics {
  readonly calls: Counter<'method' | 'status'>;
  readonly rejections: Counter<'cause'>;
  readonly publishSeconds: Histogram;
  readonly events: Counter<'type'>;
  readonly unclassified: Counter<'reason'>;
}

export function createWebhookMetrics(registry: Registry): WebhookMetrics {
  const registers = [registry];
  return {
    calls: new Counter({ name: 'webhook_calls_total', help: 'Webhook endpoint calls by method and answered status', labelNames: ['method', 'status'], registers }),
    rejections: new Counter({ name: 'webhook_rejections_total', help: 'Calls refused, by cause', labelNames: ['cause'], registers }),
    publishSeconds: new Histogram({
      name: 'webhook_publish_duration_seconds',
      help: "Time from a verified call to Kafka's acknowledgement of all its events",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers,
    }),
    events: new Counter({ name: 'webhook_events_published_total', help: 'Events published, by CloudEvents type', labelNames: ['type'], registers }),
    unclassified: new Counter({ name: 'webhook_unclassified_items_total', help: 'Webhook items kept on the catch-all topic, by reason', labelNames: ['reason'], registers }),
  };
}
