import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CancelOrderBody,
  CreateOrderBody,
  FulfilmentQueueQuery,
  MedicationOrder,
  MedicationOrderList,
  Ok,
  OrderVersionBody,
  PatientAddress,
  PatientAddressInput,
  PatientAddressList,
  PaymentStart,
  StartSchedulesBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { OrdersService } from './orders.service.ts';
import type { AddressesService } from './addresses.service.ts';
import type { DispensingService } from '../dispensing/dispensing.service.ts';
import type { DeliveryService } from '../delivery/delivery.service.ts';

const PatientParams = z.object({ patientId: Uuid });
const AddressParams = z.object({ patientId: Uuid, addressId: Uuid });
const OrderParams = z.object({ id: Uuid });
const PHARMACIST = { roles: ['pharmacist'] } as const;

export interface OrderServices {
  orders: OrdersService;
  addresses: AddressesService;
  dispensing: DispensingService;
  delivery: DeliveryService;
}

export function ordersRoutes(s: OrderServices) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pharmacy-orders'];
    const one = { params: OrderParams, response: { 200: MedicationOrder } };

    app.get(
      '/patients/:patientId/addresses',
      {
        schema: {
          tags,
          summary: "The patient's delivery addresses",
          params: PatientParams,
          response: { 200: PatientAddressList },
        },
        config: { access: 'patient' },
      },
      async (req) => s.addresses.list(contextOf(req), req.params.patientId),
    );

    app.post(
      '/patients/:patientId/addresses',
      {
        schema: {
          tags,
          summary: 'Add a delivery address (stored encrypted)',
          params: PatientParams,
          body: PatientAddressInput,
          response: { 201: PatientAddress },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply.status(201).send(await s.addresses.create(contextOf(req), req.params.patientId, req.body)),
    );

    app.delete(
      '/patients/:patientId/addresses/:addressId',
      {
        schema: { tags, summary: 'Remove a delivery address', params: AddressParams, response: { 200: Ok } },
        config: { access: 'patient' },
      },
      async (req) => {
        await s.addresses.remove(contextOf(req), req.params.patientId, req.params.addressId);
        return { ok: true as const };
      },
    );

    app.post(
      '/patients/:patientId/medication-orders',
      {
        schema: {
          tags,
          summary:
            'Order an approved prescription for pickup or delivery; stock is reserved (409 OUT_OF_STOCK when not)',
          params: PatientParams,
          body: CreateOrderBody,
          response: { 201: MedicationOrder },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await s.orders.create(contextOf(req), req.params.patientId, req.body, requestLanguage(req))),
    );

    app.get(
      '/patients/:patientId/medication-orders',
      {
        schema: {
          tags,
          summary: "The patient's medication orders",
          params: PatientParams,
          response: { 200: MedicationOrderList },
        },
        config: { access: 'patient' },
      },
      async (req) => s.orders.listForPatient(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.get(
      '/medication-orders/:id',
      {
        schema: { tags, summary: 'One order with its payment, shipment and tracking', ...one },
        config: { access: 'signed-in' },
      },
      async (req) => s.orders.get(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/medication-orders/:id/pay',
      {
        schema: {
          tags,
          summary: 'Pay a created order (idempotent: an order has one payment; send an Idempotency-Key)',
          params: OrderParams,
          response: { 200: PaymentStart },
        },
        config: { access: 'patient' },
      },
      async (req) => s.orders.pay(contextOf(req), req.params.id),
    );

    app.post(
      '/medication-orders/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel before dispensing: the reservation is released and a paid order refunded',
          params: OrderParams,
          body: CancelOrderBody,
          response: { 200: MedicationOrder },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.orders.cancel(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/medication-orders/:id/start',
      {
        schema: {
          tags,
          summary: 'The patient has the drugs: start dose schedules (optionally with chosen times per item)',
          params: OrderParams,
          body: StartSchedulesBody.omit({ orderId: true }),
          response: { 200: MedicationOrder },
        },
        config: { access: 'patient' },
      },
      async (req) =>
        s.dispensing.startTaking(contextOf(req), req.params.id, req.body.times, requestLanguage(req)),
    );

    app.get(
      '/pharmacy/fulfilment',
      {
        schema: {
          tags,
          summary: 'Pharmacists: orders to dispense, to ship or hand over, on the way, or done, with stock',
          querystring: FulfilmentQueueQuery,
          response: { 200: MedicationOrderList },
        },
        config: { access: PHARMACIST },
      },
      async (req) => s.dispensing.queue(contextOf(req), req.query.status, requestLanguage(req)),
    );

    app.post(
      '/medication-orders/:id/dispense',
      {
        schema: {
          tags,
          summary: 'Dispense a paid order (stock decremented atomically)',
          body: OrderVersionBody,
          ...one,
        },
        config: { access: PHARMACIST },
      },
      async (req) =>
        s.dispensing.dispense(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );

    app.post(
      '/medication-orders/:id/ship',
      {
        schema: {
          tags,
          summary: 'Hand a dispensed delivery order to the courier',
          body: OrderVersionBody,
          ...one,
        },
        config: { access: PHARMACIST },
      },
      async (req) => s.delivery.ship(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );

    app.post(
      '/medication-orders/:id/hand-over',
      {
        schema: { tags, summary: 'A pickup order collected at the counter', body: OrderVersionBody, ...one },
        config: { access: PHARMACIST },
      },
      async (req) =>
        s.dispensing.handOver(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );
  };
}
