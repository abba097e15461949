import { z } from 'zod';
import { detectLanguage, trainNaiveBayes } from '@careloop/clinical';
import type { AppDeps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { triageRepository as repo } from './triage.repository.ts';
import { segment } from './segmenter.ts';

/**
 * Trains the org's department classifier (multinomial naive Bayes over jieba tokens) on where its patients ended
 * up: closed consultations (the chief complaint, the department) and symptom checks followed by a visit the patient
 * had (their first words, the department that saw them). Returns the number of samples.
 */
export async function retrainClassifier(deps: AppDeps, orgId: string): Promise<number> {
  const rows = await repo.trainingSamples(deps.db, orgId);
  const samples = rows.flatMap((r) => {
    const lang = detectLanguage(r.text);
    return lang === 'zh' || lang === 'en' ? [{ tokens: segment(r.text, lang), label: r.code }] : [];
  });
  const model = trainNaiveBayes(samples);
  await repo.saveClassifier(deps.db, orgId, model, samples.length, model.labels.length);
  return samples.length;
}

/** On demand (an admin's retrain) with an orgId; daily at 03:30 for every org with closed consultations. */
export const triageRetrainJob = (deps: AppDeps) =>
  defineJob({
    name: 'triage.retrain-classifier',
    version: 1,
    schema: z.object({ orgId: z.uuid().optional() }),
    cron: '30 3 * * *',
    handler: async ({ orgId }) => {
      const orgs = orgId ? [orgId] : await repo.orgsWithClosedConsultations(deps.db);
      for (const org of orgs) await retrainClassifier(deps, org);
    },
  });
