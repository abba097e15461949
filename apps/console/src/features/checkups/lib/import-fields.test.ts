import { describe, expect, it } from 'vitest';
import { fieldLabels } from './import-fields';

const names: Record<string, string> = { nationalId: '身份证号', name: '姓名', sex: '性别' };
const nameOf = (key: string) => names[key] ?? null;

describe('problem field names', () => {
  it('names template columns in the UI language, several at once', () => {
    expect(fieldLabels('nationalId', nameOf)).toBe('身份证号');
    expect(fieldLabels('name,sex', nameOf)).toBe('姓名, 性别');
  });

  it('keeps fields it does not know as the server sent them', () => {
    expect(fieldLabels('entry[3].resource.code', nameOf)).toBe('entry[3].resource.code');
    expect(fieldLabels('', nameOf)).toBe('');
  });
});
