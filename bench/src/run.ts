import { runPatientRead } from './patient-read.bench.ts';
import { runTimeline } from './timeline.bench.ts';
import { runCheckupImport } from './checkup-import.bench.ts';
import { runMonitoring } from './monitoring.bench.ts';
import { runAppleHealthBench } from './apple-health.bench.ts';
import { runConsultations } from './consultations.bench.ts';
import { runTriage } from './triage.bench.ts';
import { runBooking } from './booking.bench.ts';
import { runMedicationReminders } from './medication-reminders.bench.ts';
import { runPrescriptionCheck } from './prescription-check.bench.ts';

// `npm run bench` runs every benchmark; `npm run bench -- timeline checkup-import` runs the named ones.
const BENCHMARKS: Record<string, () => Promise<void>> = {
  'patient-read': runPatientRead,
  timeline: runTimeline,
  'checkup-import': runCheckupImport,
  monitoring: runMonitoring,
  'apple-health': runAppleHealthBench,
  consultations: runConsultations,
  triage: runTriage,
  booking: runBooking,
  'medication-reminders': runMedicationReminders,
  'prescription-check': runPrescriptionCheck,
};

async function main() {
  const asked = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = asked.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  for (const name of asked.length > 0 ? asked : Object.keys(BENCHMARKS)) {
    process.stdout.write(`\n=== ${name} ===\n`);
    await BENCHMARKS[name]!();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
