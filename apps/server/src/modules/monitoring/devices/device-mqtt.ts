// Starts the MQTT ingress with the monitoring module's handler: devices publish readings to their own topic, the
// embedded broker (when no MQTT_URL is set) checks their id and token at connect, and every payload carries the
// token too, which the handler checks against the topic's device.
import type { AppDeps } from '../../../platform/deps.ts';
import type { Logger } from '../../../platform/logging.ts';
import { startMqttIngress, type MqttIngress } from '../../../platform/mqtt/index.ts';
import { mqttReadingsHandler } from './mqtt-readings.ts';
import { resolveDeviceToken } from './devices.service.ts';

/** The ingress, or null when MQTT is off or could not start (the rest of the platform runs on regardless). */
export async function startDeviceMqtt(deps: AppDeps, log: Logger): Promise<MqttIngress | null> {
  if (!deps.config.mqtt.enabled) return null;
  const handler = mqttReadingsHandler(deps);
  try {
    const ingress = await startMqttIngress({
      config: deps.config,
      log,
      authenticate: async (deviceId, token) => (await resolveDeviceToken(deps.db, token))?.id === deviceId,
      handler: (deviceId, payload) => handler(deviceId, payload),
    });
    log.info({ url: ingress.url }, 'MQTT device ingest ready');
    return ingress;
  } catch (error) {
    log.warn(
      { err: { message: (error as Error).message } },
      'MQTT device ingest did not start (set MQTT_URL for an outside broker or MQTT_EMBEDDED_PORT for a free port); REST ingest still works',
    );
    return null;
  }
}
