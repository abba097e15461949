import type { AlertBrief } from '@careloop/contracts';

/** What to do now about one alert, as the server worded it for the patient. */
export interface AdviceItem {
  alertId: string;
  version: number;
  patientId: string;
  severity: AlertBrief['severity'];
  advice: string;
}

/** The alerts of an answer that carry advice for the patient, most severe first. */
export function adviceOf(alerts: readonly AlertBrief[], patientId: string): AdviceItem[] {
  const rank = { urgent: 0, warning: 1, info: 2 } as const;
  return alerts
    .filter((a): a is AlertBrief & { patientAdvice: string } => Boolean(a.patientAdvice?.trim()))
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map((a) => ({
      alertId: a.id,
      version: a.version,
      patientId,
      severity: a.severity,
      advice: a.patientAdvice,
    }));
}

/**
 * Advice waiting to be shown, one at a time. The same alert at the same version is shown once, whether it came
 * with the answer to a reading or through a push; a new version (another out-of-range reading) is shown again.
 */
export class AdviceQueue {
  private items: readonly AdviceItem[] = [];
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  current(): AdviceItem | null {
    return this.items[0] ?? null;
  }

  show(items: readonly AdviceItem[]): void {
    const fresh = items.filter((item) => {
      const key = `${item.alertId}:${item.version}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    this.items = [...this.items, ...fresh];
    this.notify();
  }

  dismiss(): void {
    if (this.items.length === 0) return;
    this.items = this.items.slice(1);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
