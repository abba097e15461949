import { describe, expect, it } from 'vitest';
import {
  allergyBody,
  allergyDraft,
  conditionBody,
  conditionDraft,
  familyHistoryBody,
  familyHistoryDraft,
  familyHistoryProblems,
  medicationBody,
  medicationDraft,
  requiredProblems,
} from './entry-drafts.ts';

describe('entry bodies', () => {
  it('leaves blank optional fields out of a create', () => {
    const body = conditionBody({ ...conditionDraft(), icd10: 'I10', display: '原发性高血压' }, 'create');
    expect(body).toEqual({ icd10: 'I10', display: '原发性高血压', clinicalStatus: 'active' });
  });

  it('sends blank optional fields of an update as null so they are cleared', () => {
    const body = medicationBody({ ...medicationDraft(), name: ' 二甲双胍 ', dose: '' }, 'update');
    expect(body).toMatchObject({ name: '二甲双胍', dose: null, startedOn: null, status: 'active' });
  });

  it('keeps a free-text condition without a code', () => {
    expect(conditionBody({ ...conditionDraft(), display: '偏头痛' }, 'create')).toEqual({
      display: '偏头痛',
      clinicalStatus: 'active',
    });
  });

  it('trims allergy text', () => {
    expect(
      allergyBody({ ...allergyDraft(), substance: ' 青霉素 ', reaction: ' 皮疹 ' }, 'create'),
    ).toMatchObject({
      substance: '青霉素',
      reaction: '皮疹',
      category: 'drug',
    });
  });

  it('sends the onset age as a number', () => {
    const body = familyHistoryBody({ ...familyHistoryDraft(), display: '糖尿病', onsetAge: '55' }, 'create');
    expect(body).toEqual({ relation: 'father', display: '糖尿病', onsetAge: 55 });
  });
});

describe('form problems', () => {
  it('names empty required fields', () => {
    expect(requiredProblems({ name: ' ', dose: '' }, ['name'])).toEqual({ name: 'required' });
  });

  it('refuses an onset age that is not an age', () => {
    expect(familyHistoryProblems({ ...familyHistoryDraft(), display: 'x', onsetAge: '200' })).toEqual({
      onsetAge: 'invalid',
    });
    expect(familyHistoryProblems({ ...familyHistoryDraft(), display: 'x', onsetAge: '45' })).toEqual({});
    expect(familyHistoryProblems(familyHistoryDraft())).toEqual({ display: 'required' });
  });
});
