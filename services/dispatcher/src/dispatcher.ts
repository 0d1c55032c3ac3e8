import { setTimeout as sleep } from 'node:timers/promises';
import { roundPipeline, type Bus, type ReceivedMessage, type Subscription } from '@recado/bus';
import { TOPICS } from '@recado/contracts';
import { runOutboxRelay, type KeyRing } from '@recado/persistence';
import type { Logger } from '@recado/service-kit';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { createDispatcherMetrics } from './dispatcher-metrics';
import { decideBatch } from './send/dispatch-batch';
import { failInDoubtOnce, runHeldSendsOnce } from './send/held-sends';
import { MetaClients } from './send/meta-clients';
import { sendAllowed, type AllowedSend } from './send/send-allowed';
import { serialTurns } from './send/serial-turns';
import type { SendPathDeps, SendPathSettings } from './send/send-path-deps';

export interface DispatcherSettings extends SendPathSettings {
  readonly meta: { readonly baseUrl: string; readonly graphApiVersion: string; readonly poolSize: number; readonly requestTimeoutMs: number; readonly fallbackAccessToken: string | undefined };
  readonly keyRing: KeyRing;
  readonly maxBatchSize: number;
  /** Partitions whose batches are taken at once (kafkajs `partitionsConsumedConcurrently`); those waiting together form one round. */
  readonly concurrentPartitions: number;
  /** How often the schedule of held-back sends is looked at. */
  readonly heldSendsIntervalMs: number;
  /** Intents older than this without Meta's answer are failed as in doubt. */
  readonly inDoubtGraceMs: number;
}

export interface DispatcherOptions {
  readonly dataSource: DataSource;
  readonly bus: Bus;
  readonly settings: DispatcherSettings;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly now?: () => Date;
  readonly jitter?: () => number;
}

export interface Dispatcher {
  start(): Promise<void>;
  /** Finishes the running batch, commits it, stops the loops and the clients. */
  stop(): Promise<void>;
}

/** Loops until aborted, pausing `idleMs` after a round that found nothing (or failed). */
async function loop(name: string, round: () => Promise<number>, idleMs: number, signal: AbortSignal, logger: Logger): Promise<void> {
  while (!signal.aborted) {
    let worked = 0;
    try {
      worked = await round();
    } catch (error) {
      logger.error(`${name} round failed; retrying`, { error: error instanceof Error ? error.message : String(error) });
    }
    if (worked === 0) await sleep(idleMs, undefined, { signal }).catch(() => undefined);
  }
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { dataSource, bus, settings, logger } = options;
  const clients = new MetaClients({ ...settings.meta, poolSize: settings.meta.poolSize, keyRing: settings.keyRing });
  const deps: SendPathDeps = {
    dataSource, clients, settings, logger,
    metrics: createDispatcherMetrics(options.registry),
    now: options.now ?? (() => new Date()),
    jitter: options.jitter ?? Math.random,
    takeDecisionTurn: serialTurns(),
  };
  const abort = new AbortController();
  const loops: Promise<void>[] = [];
  let subscription: Subscription | undefined;
  // The batches of several partitions waiting when a round starts make one round (fewer, larger
  // bulk queries); one round decides while up to two others send. Rounds in flight never share a
  // contact: a contact's commands live in one partition, whose next batch waits for its round.
  const dispatchRound = roundPipeline<ReceivedMessage, AllowedSend[]>(
    (records) => decideBatch(records, bus, deps),
    (allowed) => sendAllowed(allowed, deps),
    { maxItems: settings.maxBatchSize, secondStagesInFlight: 2 },
  );
  const handleBatch = async (records: readonly ReceivedMessage[]): Promise<void> => {
    const stopTimer = deps.metrics.batchSeconds.startTimer();
    try {
      await dispatchRound(records);
    } finally {
      stopTimer();
    }
  };

  return {
    start: async () => {
      subscription = await bus.subscribe({
        group: settings.group,
        topics: [TOPICS.sendCommands],
        maxBatchSize: settings.maxBatchSize,
        concurrentPartitions: settings.concurrentPartitions,
        handler: (batch) => handleBatch(batch.messages),
        onHandlerError: (error, batch) => logger.error('send-command batch failed; it will be redelivered', { error: error instanceof Error ? error.stack : String(error), partition: batch.partition, attempt: batch.attempt }),
      });
      loops.push(
        loop('held sends', () => runHeldSendsOnce(deps, { claimLimit: settings.maxBatchSize, leaseMs: 60_000 }), settings.heldSendsIntervalMs, abort.signal, logger),
        loop('in-doubt sweep', () => failInDoubtOnce(deps, settings.inDoubtGraceMs), Math.max(1_000, settings.inDoubtGraceMs / 4), abort.signal, logger),
        runOutboxRelay({
          dataSource,
          signal: abort.signal,
          idleMs: 50,
          // Two outcome events per command: large rounds keep the relay ahead of thousands of sends a second.
          maxKeys: 1_000,
          maxEvents: 5_000,
          publish: (events) => bus.publish(events.map((event) => ({ topic: event.topic, key: event.key, value: Buffer.from(event.payloadJson), headers: event.headers }))),
          onError: (error, failures) => logger.error('outbox relay failed; retrying', { error: String(error), failures }),
        }),
      );
    },
    stop: async () => {
      await subscription?.stop();
      abort.abort();
      await Promise.all(loops);
      await clients.close();
    },
  };
}
