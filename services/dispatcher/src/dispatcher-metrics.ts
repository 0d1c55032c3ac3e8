import { Counter, Histogram, type Registry } from 'prom-client';

export interface DispatcherMetrics {
  readonly decisions: Counter<'outcome' | 'reason'>;
  readonly sendResults: Counter<'result'>;
  readonly metaLatency: Histogram;
  readonly deadLetters: Counter;
  readonly batchSeconds: Histogram;
}

export function createDispatcherMetrics(registry: Registry): DispatcherMetrics {
  const registers = [registry];
  return {
    decisions: new Counter({ name: 'dispatcher_decisions_total', help: 'Send-commands decided, by outcome and reason code', labelNames: ['outcome', 'reason'], registers }),
    sendResults: new Counter({ name: 'dispatcher_send_results_total', help: 'Cloud API send answers: sent, retry, failed, in-doubt', labelNames: ['result'], registers }),
    metaLatency: new Histogram({ name: 'dispatcher_meta_request_seconds', help: 'Cloud API send latency', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15], registers }),
    deadLetters: new Counter({ name: 'dispatcher_dead_letters_total', help: 'Send-command records sent to the dead-letter topic', registers }),
    batchSeconds: new Histogram({ name: 'dispatcher_batch_seconds', help: 'Time to handle one batch of send-commands', buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers }),
  };
}
