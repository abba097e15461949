export {
  DEFAULT_MAX_PAYLOAD_BYTES,
  startMqttIngress,
  type MqttIngress,
  type MqttIngressErrorCode,
  type MqttIngressOptions,
  type MqttReadingHandler,
} from './mqtt-ingress.ts';
export {
  startEmbeddedBroker,
  type DeviceAuthenticator,
  type EmbeddedBroker,
  type EmbeddedBrokerOptions,
} from './embedded-broker.ts';
export { DEFAULT_TOPIC_PREFIX, acksTopic, readingsTopic } from './device-topics.ts';
