import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Device,
  DeviceInput,
  DeviceWithToken,
  Reading,
  ReadingBatch,
  ReadingBatchResult,
  ReadingListQuery,
  Uuid,
} from '@careloop/contracts';
import type { Db } from '../../../platform/db/database.ts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { resolveDeviceToken, type DevicesService } from '../devices/devices.service.ts';
import type { ReadingsService } from './readings.service.ts';

const PatientParams = z.object({ patientId: Uuid });
const DeviceParams = z.object({ patientId: Uuid, deviceId: Uuid });

/** Resolves the device token of a `device` route; 401 when it names no active device. */
export function deviceAuth(db: Db) {
  return async (request: FastifyRequest) => {
    if (request.routeOptions.config.access !== 'device') return;
    const token = request.headers.authorization?.slice(7).trim() ?? '';
    const device = await resolveDeviceToken(db, token);
    if (!device) throw new AppError('DEVICE_TOKEN_INVALID');
    request.device = device;
  };
}

export function readingsRoutes(db: Db, readings: ReadingsService, devices: DevicesService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring'];
    app.addHook('preValidation', deviceAuth(db));

    app.post(
      '/readings',
      {
        schema: {
          tags,
          summary:
            "A device's readings (up to 1,000), with its token as Bearer; each reading is checked on its own, " +
            'resent readings are stored once, and alert rules run before the answer',
          body: ReadingBatch,
          response: { 200: ReadingBatchResult },
          security: [{ bearer: [] }],
        },
        config: { access: 'device' },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (req) => readings.fromDevice(req.device!, req.body.readings, requestLanguage(req)),
    );

    app.post(
      '/patients/:patientId/readings',
      {
        schema: {
          tags,
          summary:
            'Readings typed in the app (patients: self-reported; staff: clinician); same checks as devices',
          params: PatientParams,
          body: ReadingBatch,
          response: { 200: ReadingBatchResult },
        },
        config: { access: 'signed-in' },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (req) =>
        readings.add(contextOf(req), req.params.patientId, req.body.readings, requestLanguage(req)),
    );

    app.get(
      '/patients/:patientId/readings',
      {
        schema: {
          tags,
          summary: "The patient's home readings, newest first (default: the last 30 days)",
          params: PatientParams,
          querystring: ReadingListQuery,
          response: { 200: z.object({ items: z.array(Reading) }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => readings.list(contextOf(req), req.params.patientId, req.query),
    );

    app.get(
      '/patients/:patientId/devices',
      {
        schema: {
          tags,
          summary: "The patient's registered devices (tokens are never shown again)",
          params: PatientParams,
          response: { 200: z.object({ items: z.array(Device) }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => ({ items: await devices.list(contextOf(req), req.params.patientId) }),
    );

    app.post(
      '/patients/:patientId/devices',
      {
        schema: {
          tags,
          summary: 'Register a home device; the answer carries its token once',
          params: PatientParams,
          body: DeviceInput,
          response: { 201: DeviceWithToken },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const device = await devices.register(contextOf(req), req.params.patientId, req.body);
        return reply.status(201).send(device);
      },
    );

    app.post(
      '/patients/:patientId/devices/:deviceId/token',
      {
        schema: {
          tags,
          summary: 'Issue a new token for a device (the old one stops working)',
          params: DeviceParams,
          response: { 200: DeviceWithToken },
        },
        config: { access: 'signed-in' },
      },
      async (req) => devices.rotateToken(contextOf(req), req.params.patientId, req.params.deviceId),
    );

    app.delete(
      '/patients/:patientId/devices/:deviceId',
      {
        schema: {
          tags,
          summary: 'Revoke a device: its token stops working; its readings stay in the record',
          params: DeviceParams,
          response: { 200: Device },
        },
        config: { access: 'signed-in' },
      },
      async (req) => devices.revoke(contextOf(req), req.params.patientId, req.params.deviceId),
    );
  };
}
