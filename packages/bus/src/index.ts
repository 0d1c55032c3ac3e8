export type { BatchHandler, Bus, BusMessage, MessageBatch, ReceivedMessage, RedeliveryBackoff, SubscribeOptions, Subscription } from './bus';
export { BusError, type BusErrorCode } from './bus.error';
export { redeliveryDelay, DEFAULT_REDELIVERY_BACKOFF } from './redelivery-delay';
export { createKafkaBus } from './kafka/kafka-bus';
export type { KafkaBusOptions, KafkaConsumerSettings, KafkaLogLevel, KafkaProducerSettings } from './kafka/kafka-bus.options';
export { createEmbeddedBus, type EmbeddedBusOptions } from './embedded/embedded-bus';
export type { EmbeddedLog, PartitionedMessage } from './embedded/embedded-log';
export { createMemoryLog, type MemoryLogOptions } from './embedded/memory-log';
export { partitionForKey } from './embedded/partition-for-key';
