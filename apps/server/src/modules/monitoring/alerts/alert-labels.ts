import type { MonitoringMetric } from '@careloop/clinical';

/** Names of the watched metrics for notification titles. */
export const METRIC_LABELS: Readonly<Record<MonitoringMetric, { zh: string; en: string }>> = {
  systolic: { zh: '血压', en: 'Blood pressure' },
  diastolic: { zh: '血压', en: 'Blood pressure' },
  glucose: { zh: '血糖', en: 'Blood glucose' },
  weight: { zh: '体重', en: 'Weight' },
  'heart-rate': { zh: '心率', en: 'Heart rate' },
  spo2: { zh: '血氧', en: 'Oxygen saturation' },
};
