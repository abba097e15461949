import type { GlucoseUnit, TemperatureUnit } from './reading-draft.ts';

// The units a person typed last, so a meter in mg/dL or a thermometer in °F need not be chosen every time.
const KEY = 'careloop.readingUnits';

export interface RememberedUnits {
  glucose?: GlucoseUnit;
  temperature?: TemperatureUnit;
}

export function readUnits(): RememberedUnits {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const p = parsed as Record<string, unknown>;
    return {
      glucose: p.glucose === 'mg/dL' || p.glucose === 'mmol/L' ? p.glucose : undefined,
      temperature: p.temperature === 'Cel' || p.temperature === '[degF]' ? p.temperature : undefined,
    };
  } catch {
    return {};
  }
}

export function rememberUnits(units: RememberedUnits): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(units));
  } catch {
    // Not remembered: the default unit is offered next time.
  }
}
