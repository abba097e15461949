export {
  RecordingPaymentTransport,
  type CallbackPoster,
  type PaymentProvider,
  type PaymentProviderName,
  type PaymentRequest,
} from './payment-gateway.ts';
export { SIGNATURE_HEADER, derivedSecret, signPayload, verifySignature } from './webhook-signature.ts';
