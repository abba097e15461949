// The columns of the readings CSV and the names people give them and their values, in English and Chinese.
import type { GlucoseContext, ReadingType } from '@careloop/contracts';

export type CsvColumnKey =
  'id' | 'type' | 'taken_at' | 'systolic' | 'diastolic' | 'pulse' | 'value' | 'unit' | 'context' | 'note';

export interface CsvColumn {
  key: CsvColumnKey;
  /** The name in the Chinese template. */
  zh: string;
  /** Every header accepted for the column (compared without case, spaces, '_' or '-'). */
  names: readonly string[];
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { key: 'id', zh: '编号', names: ['id', '编号', '记录编号', '读数编号'] },
  { key: 'type', zh: '类型', names: ['type', '类型', '读数类型', '测量类型', '项目'] },
  { key: 'taken_at', zh: '测量时间', names: ['taken_at', 'takenAt', 'time', '测量时间', '时间'] },
  { key: 'systolic', zh: '收缩压', names: ['systolic', '收缩压', '高压'] },
  { key: 'diastolic', zh: '舒张压', names: ['diastolic', '舒张压', '低压'] },
  { key: 'pulse', zh: '脉搏', names: ['pulse', '脉搏'] },
  { key: 'value', zh: '数值', names: ['value', '数值', '测量值', '值'] },
  { key: 'unit', zh: '单位', names: ['unit', '单位'] },
  { key: 'context', zh: '测量场景', names: ['context', '测量场景', '场景', '血糖场景'] },
  { key: 'note', zh: '备注', names: ['note', '备注', '说明'] },
];

/** Reading types by the words people write (lower case); the English names are the types themselves. */
export const TYPE_NAMES: Readonly<Record<string, ReadingType>> = {
  'blood-pressure': 'blood-pressure',
  glucose: 'glucose',
  weight: 'weight',
  'heart-rate': 'heart-rate',
  spo2: 'spo2',
  steps: 'steps',
  sleep: 'sleep',
  temperature: 'temperature',
  血压: 'blood-pressure',
  血糖: 'glucose',
  体重: 'weight',
  心率: 'heart-rate',
  血氧: 'spo2',
  血氧饱和度: 'spo2',
  步数: 'steps',
  睡眠: 'sleep',
  体温: 'temperature',
};

export const CONTEXT_NAMES: Readonly<Record<string, GlucoseContext>> = {
  fasting: 'fasting',
  'before-meal': 'before-meal',
  'after-meal': 'after-meal',
  bedtime: 'bedtime',
  random: 'random',
  cgm: 'cgm',
  空腹: 'fasting',
  餐前: 'before-meal',
  餐后: 'after-meal',
  餐后2小时: 'after-meal',
  睡前: 'bedtime',
  随机: 'random',
};
