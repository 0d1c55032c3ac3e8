import { kafkaTestBootstrap } from '@recado/testing';
import { describeBusContract } from '../testing/describe-bus-contract';
import { createKafkaBus } from './kafka-bus';

describeBusContract('Kafka', () =>
  Promise.resolve({
    bus: createKafkaBus({
      brokers: kafkaTestBootstrap(),
      clientId: 'bus-contract',
      logLevel: 'nothing',
      consumer: { sessionTimeout: 3_000, heartbeatInterval: 500, maxWaitTimeInMs: 100, restartDelayMs: 200 },
    }),
  }),
);
