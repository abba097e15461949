// The follow-up module's public API (检后随访): rules turn stored observations into follow-up tasks for health
// managers, critical values into immediate alerts to the care team, and notify the patient.
// Other modules import only this file.
export { evaluateFollowUp, loadFollowUpRules } from './follow-up.evaluate.ts';
export type { FollowUpRuleSet, ObservationForRules } from './follow-up.evaluate.ts';
