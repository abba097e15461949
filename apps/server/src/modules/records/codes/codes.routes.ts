import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANALYTES, lookupIcd10, searchIcd10 } from '@careloop/clinical';
import { AnalyteList, Icd10Entry, Icd10List, Icd10SearchQuery } from '@careloop/contracts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { acceptedUnits } from '../observations/observation-rules.ts';
import { VITAL_CODES } from '../summary/summary.service.ts';

// Code tables for the pickers in both apps. They hold no personal data, so any signed-in account may read them;
// they change only with a release, so browsers may keep them for an hour.

const CACHE = 'private, max-age=3600';

const ANALYTE_LIST = {
  items: ANALYTES.map((a) => ({
    loinc: a.loinc,
    key: a.key,
    zh: a.zh,
    en: a.en,
    kind: VITAL_CODES.has(a.loinc) ? ('vital' as const) : ('lab' as const),
    unit: a.reportedUnit,
    units: acceptedUnits(a),
  })),
};

export function codesRoutes() {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['codes'];

    app.get(
      '/codes/icd10',
      {
        schema: {
          tags,
          summary: 'Search ICD-10 by code, Chinese name, English name or pinyin initials (gxy finds 高血压)',
          querystring: Icd10SearchQuery,
          response: { 200: Icd10List },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        void reply.header('cache-control', CACHE);
        const q = req.query.q.trim();
        return { items: q ? searchIcd10(q, { limit: req.query.limit }) : [] };
      },
    );

    app.get(
      '/codes/icd10/:code',
      {
        schema: {
          tags,
          summary: 'One ICD-10 code with its Chinese and English names',
          params: z.object({ code: z.string().max(20) }),
          response: { 200: Icd10Entry },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const entry = lookupIcd10(req.params.code);
        if (!entry) throw new AppError('RECORD_CODE_NOT_FOUND');
        void reply.header('cache-control', CACHE);
        return entry;
      },
    );

    app.get(
      '/codes/analytes',
      {
        schema: {
          tags,
          summary: 'The LOINC analytes readings can be entered for, with names, units and accepted units',
          response: { 200: AnalyteList },
        },
        config: { access: 'signed-in' },
      },
      async (_req, reply) => {
        void reply.header('cache-control', CACHE);
        return ANALYTE_LIST;
      },
    );
  };
}
