export { brokerBinaryPath } from './broker-binary';
export { startKafkaTestBroker, type KafkaTestBroker, type KafkaTestBrokerOptions } from './kafka-test-broker';
