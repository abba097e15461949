import type { AnalyteInfo } from '@careloop/contracts';
import { api } from '../../../api/client';

/** A LOINC item of the code table (GET /codes/analytes), named in both languages. */
export type Analyte = AnalyteInfo;

export const analytesApi = {
  list: () => api.get<{ items: Analyte[] }>('/codes/analytes'),
};
