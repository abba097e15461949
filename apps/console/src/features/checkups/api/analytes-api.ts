import { api } from '../../../api/client';

/** A LOINC item of the code table (GET /codes/analytes), named in both languages. */
export interface Analyte {
  loinc: string;
  nameZh: string;
  nameEn: string;
  unit: string | null;
}

export const analytesApi = {
  list: () => api.get<{ items: Analyte[] }>('/codes/analytes'),
};
