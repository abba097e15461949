// Readings that arrive over MQTT: the topic names the device, the payload carries its token and the readings in
// the same shape as POST /api/v1/readings. The answer goes back on the device's ack topic.
import { z } from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { ingestReadings } from '../readings/ingest.ts';
import { toBatchResult } from '../readings/readings.service.ts';
import { resolveDeviceToken } from './devices.service.ts';

const Payload = z.object({
  token: z.string().max(100).optional(),
  readings: z.array(z.unknown()).min(1).max(1000),
  /** Answer language; Chinese when absent. */
  lang: z.enum(['zh-CN', 'en-US']).optional(),
});

export type MqttAck =
  | ({ ok: true } & ReturnType<typeof toBatchResult>)
  | { ok: false; error: 'malformed-payload' | 'device-token-invalid'; message: string };

/** Checks the device token against the topic's device and ingests the readings. Never throws on bad input. */
export function mqttReadingsHandler(deps: AppDeps) {
  return async (deviceId: string, payload: Buffer, credentialsToken?: string): Promise<MqttAck> => {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return { ok: false, error: 'malformed-payload', message: 'payload is not JSON' };
    }
    const parsed = Payload.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: 'malformed-payload',
        message: `${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`,
      };
    }
    const token = parsed.data.token ?? credentialsToken ?? '';
    const device = await resolveDeviceToken(deps.db, token);
    if (!device || device.id !== deviceId) {
      return { ok: false, error: 'device-token-invalid', message: 'unknown or revoked device token' };
    }
    const result = await ingestReadings(deps, {
      orgId: device.orgId,
      patientId: device.patientId,
      deviceId: device.id,
      source: 'device',
      recordedBy: null,
      readings: parsed.data.readings,
      ctx: null,
    });
    return { ok: true, ...toBatchResult(result, parsed.data.lang ?? 'zh-CN') };
  };
}
