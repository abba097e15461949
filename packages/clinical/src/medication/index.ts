// Medication: formulary, interactions, dosing frequencies, prescription safety checks, dose schedules and adherence.
export * from './medication.types.ts';
export {
  FREQUENCIES,
  FREQUENCY_CODES,
  parseFrequency,
  frequencyByCode,
  isFrequencyCode,
} from './frequency.ts';
export {
  dailyDose,
  amountPerDose,
  convertAmount,
  doseTimesForDay,
  chosenTimesProblem,
  isValidTime,
  adherenceRate,
  ADHERENCE_THRESHOLD,
  type DoseAmount,
} from './dosing.ts';
export { checkPrescription, AGE_RULES, SAFETY_SOURCES, type AgeRule } from './safety.ts';
export {
  ALLERGY_CLASSES,
  ALLERGY_SOURCES,
  type AllergyClass,
  type AllergyCrossReaction,
} from './allergy-classes.ts';
export { FORMULARY, formularyDrug } from './formulary/index.ts';
export { INTERACTIONS } from './interactions.ts';
