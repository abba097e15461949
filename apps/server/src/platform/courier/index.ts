export {
  RecordingCourierTransport,
  type CourierName,
  type CourierProvider,
  type CourierScan,
  type ShipmentRequest,
} from './courier-gateway.ts';
