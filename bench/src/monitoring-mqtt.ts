// MQTT ingest: devices publish QoS 1 batches to their readings topic and wait for the server's answer on their ack
// topic before sending the next, through the embedded broker or an outside one (Mosquitto).
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';
import pino from 'pino';
import type { AppDeps } from '../../apps/server/src/platform/deps.ts';
import { startDeviceMqtt } from '../../apps/server/src/modules/monitoring/index.ts';
import type { MqttIngress } from '../../apps/server/src/platform/mqtt/index.ts';
import { startCpuMeter } from './cpu.ts';
import { nextReadings, percentiles, round, rowsOf, type BenchDevice } from './monitoring-data.ts';

const ACK_TIMEOUT_MS = 60_000;

export interface MqttCase {
  readonly name: string;
  readonly broker: string;
  /** Server connections to the broker sharing the readings subscription. */
  readonly ingresses: number;
  readonly devices: number;
  readonly messages: number;
  readonly readingsPerMessage: number;
  readonly readings: number;
  readonly rows: number;
  readonly seconds: number;
  readonly readingsPerSecond: number;
  readonly rowsPerSecond: number;
  /** From publishing a message to its ack arriving. */
  readonly ackLatencyMs: ReturnType<typeof percentiles>;
  readonly cpuMsPerMessage: { readonly serverThread: number; readonly postgres: number } | null;
  readonly serverEventLoopUtilization: number;
}

interface Ack {
  ok?: boolean;
  stored?: number;
  error?: string;
  message?: string;
}

/** A connected device that publishes one message at a time and waits for its ack. */
class DeviceClient {
  private waiting: ((ack: Ack) => void) | null = null;
  /** Error acks from another server on a shared broker (a foreign ingress that does not know the device). */
  foreignErrors = 0;

  private constructor(
    readonly device: BenchDevice,
    private readonly client: mqtt.MqttClient,
  ) {
    client.on('message', (_topic, payload) => {
      const ack = JSON.parse(payload.toString('utf8')) as Ack;
      if (ack.ok !== true && ack.error === 'device-token-invalid') {
        this.foreignErrors++;
        return;
      }
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.(ack);
    });
  }

  static async connect(url: string, device: BenchDevice): Promise<DeviceClient> {
    const client = await mqtt.connectAsync(url, {
      username: device.deviceId,
      password: device.token,
      clientId: `${device.deviceId}-bench`,
      reconnectPeriod: 0,
      connectTimeout: 10_000,
    });
    await client.subscribeAsync(`careloop/v1/devices/${device.deviceId}/acks`, { qos: 1 });
    return new DeviceClient(device, client);
  }

  /** Publishes the device's next readings and resolves with the ack (which must say all were stored). */
  async send(readings: number): Promise<{ rows: number }> {
    const batch = nextReadings(this.device, readings);
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ack within 60 s')), ACK_TIMEOUT_MS);
      this.waiting = (ack) => {
        clearTimeout(timer);
        resolve(ack);
      };
    });
    await this.client.publishAsync(
      `careloop/v1/devices/${this.device.deviceId}/readings`,
      JSON.stringify({ token: this.device.token, readings: batch }),
      { qos: 1 },
    );
    const ack = await acked;
    if (ack.ok !== true || ack.stored !== readings)
      throw new Error(`MQTT ack: ${JSON.stringify(ack).slice(0, 300)}`);
    return { rows: rowsOf(batch) };
  }

  close(): Promise<void> {
    return this.client.endAsync();
  }
}

/**
 * Starts the app's MQTT ingress (embedded broker when `brokerUrl` is null), connects every device, sends one
 * warm-up message each, then `messagesPerDevice` measured messages each, all devices at once.
 */
export async function mqttIngest(input: {
  name: string;
  deps: AppDeps;
  databaseUrl: string;
  devices: readonly BenchDevice[];
  brokerUrl: string | null;
  readingsPerMessage: number;
  messagesPerDevice: number;
  /**
   * Ingress connections sharing the subscription (MQTT_SHARE_GROUP), as that many server processes would; an
   * outside broker only. Each connection hands the server one message at a time.
   */
  ingresses?: number;
}): Promise<MqttCase> {
  const { deps, readingsPerMessage } = input;
  const ingresses = input.ingresses ?? 1;
  if (ingresses > 1 && !input.brokerUrl) throw new Error('shared subscriptions need an outside broker');
  const mqtt = {
    ...deps.config.mqtt,
    enabled: true,
    url: input.brokerUrl ?? undefined,
    shareGroup: ingresses > 1 ? `bench${Date.now().toString(36)}` : undefined,
  };
  const started: MqttIngress[] = [];
  for (let i = 0; i < ingresses; i++) {
    const ingress = await startDeviceMqtt(
      { ...deps, config: { ...deps.config, mqtt } },
      pino({ level: 'warn' }),
    );
    if (!ingress) throw new Error('the MQTT ingress did not start');
    started.push(ingress);
  }
  const ingress = started[0]!;
  const clients: DeviceClient[] = [];
  try {
    // Devices connect to the broker the ingress uses (the embedded one checks their id and token).
    for (const device of input.devices) clients.push(await DeviceClient.connect(ingress.url, device));
    await Promise.all(clients.map((c) => c.send(readingsPerMessage)));
    const latencies: number[] = [];
    let rows = 0;
    const cpu = await startCpuMeter(input.databaseUrl);
    const loop = performance.eventLoopUtilization();
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < input.messagesPerDevice; i++) {
          const sent = performance.now();
          // Not `rows += await ...`: that reads `rows` before the await and loses the other devices' counts.
          const acked = await client.send(readingsPerMessage);
          rows += acked.rows;
          latencies.push(performance.now() - sent);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const utilization = performance.eventLoopUtilization(loop).utilization;
    const used = await cpu?.stop();
    const messages = clients.length * input.messagesPerDevice;
    const readings = messages * readingsPerMessage;
    const foreign = clients.reduce((sum, c) => sum + c.foreignErrors, 0);
    if (foreign > 0)
      process.stdout.write(`  (${foreign} error acks from another server on the broker ignored)\n`);
    return {
      name: input.name,
      broker: ingress.url,
      ingresses,
      devices: clients.length,
      messages,
      readingsPerMessage,
      readings,
      rows,
      seconds: round(seconds, 2),
      readingsPerSecond: Math.round(readings / seconds),
      rowsPerSecond: Math.round(rows / seconds),
      ackLatencyMs: percentiles(latencies),
      cpuMsPerMessage: used
        ? { serverThread: round(used.serverThreadMs / messages), postgres: round(used.postgresMs / messages) }
        : null,
      serverEventLoopUtilization: round(utilization, 3),
    };
  } finally {
    await Promise.allSettled(clients.map((c) => c.close()));
    for (const i of started) await i.close();
  }
}
