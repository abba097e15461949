import { describe, expect, it } from 'vitest';
import { fromEntry, isEmptyUpdate, toCreateBody, toUpdateBody } from './entry-forms';

const condition = {
  id: 'c1',
  icd10: 'I10',
  display: '原发性高血压',
  clinicalStatus: 'active',
  onsetDate: '2019-04-01',
  abatedDate: null,
  note: null,
  version: 3,
};

describe('entry form model', () => {
  it('sends only the fields that have a value on create, trimmed, with codes upper-cased', () => {
    expect(
      toCreateBody('conditions', {
        icd10: ' i10 ',
        display: '  原发性高血压 ',
        clinicalStatus: 'active',
        onsetDate: '',
        note: '   ',
      }),
    ).toEqual({ icd10: 'I10', display: '原发性高血压', clinicalStatus: 'active' });
  });

  it('shows an entry in the form with empty strings for missing text and dates', () => {
    expect(fromEntry('conditions', condition)).toEqual({
      icd10: 'I10',
      display: '原发性高血压',
      clinicalStatus: 'active',
      onsetDate: '2019-04-01',
      abatedDate: '',
      note: '',
    });
  });

  it('patches only what changed, clears emptied fields with null, and carries the version read', () => {
    const values = {
      ...fromEntry('conditions', condition),
      clinicalStatus: 'resolved',
      abatedDate: '2024-01-02',
      onsetDate: '',
    };
    expect(toUpdateBody('conditions', values, condition)).toEqual({
      version: 3,
      clinicalStatus: 'resolved',
      abatedDate: '2024-01-02',
      onsetDate: null,
    });
  });

  it('recognises an edit that changes nothing (no request is made)', () => {
    const body = toUpdateBody('conditions', fromEntry('conditions', condition), condition);
    expect(body).toEqual({ version: 3 });
    expect(isEmptyUpdate(body)).toBe(true);
  });

  it('keeps whole numbers for ages and drops what is not a number', () => {
    expect(toCreateBody('family-history', { relation: 'father', display: '糖尿病', onsetAge: 52 })).toEqual({
      relation: 'father',
      display: '糖尿病',
      onsetAge: 52,
    });
    expect(toCreateBody('family-history', { relation: 'mother', display: 'x', onsetAge: null })).toEqual({
      relation: 'mother',
      display: 'x',
    });
  });

  it('turns local date-times into ISO instants and back without a change showing up', () => {
    const encounter = {
      id: 'e1',
      kind: 'outpatient',
      startedAt: '2025-03-04T01:30:00.000Z',
      endedAt: null,
      department: '心内科',
      practitioner: null,
      reason: null,
      summary: null,
      version: 1,
    };
    const values = fromEntry('encounters', encounter);
    expect(values.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(toUpdateBody('encounters', values, encounter)).toEqual({ version: 1 });
    const body = toCreateBody('encounters', values);
    expect(new Date(String(body.startedAt)).toISOString()).toBe('2025-03-04T01:30:00.000Z');
  });
});
