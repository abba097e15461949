import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../lib/problems';

/**
 * What to say when an alert action fails. A 409 means someone else changed the alert first (acknowledged,
 * resolved or reassigned it): the person is told and the alert is loaded again (the action's onSettled does that).
 */
export function actionProblem(error: unknown, t: TFunction): { conflict: boolean; text: string } {
  if (isApiError(error) && error.status === 409) {
    return { conflict: true, text: t('alerts.conflict') };
  }
  return { conflict: false, text: problemText(error, t) };
}
