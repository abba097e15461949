// What the patient is told to do when a reading is urgent. Short, actionable, and never a diagnosis.
import type { MonitoringText } from './monitoring-rules.types.ts';

// The "15-15 rule": a conscious person below 3.9 mmol/L takes 15-20 g of fast-acting carbohydrate (glucose
// preferred) and rechecks after 15 minutes, repeating while still low (CDS 2020 hypoglycaemia treatment; ADA
// Standards of Care, Glycemic Targets and Hypoglycemia).
export const URGENT_LOW_GLUCOSE_ADVICE: MonitoringText = {
  'zh-CN':
    '请立即吃 15 克快速升糖的食物（如葡萄糖片、约 150 毫升果汁或含糖饮料），15 分钟后再测血糖；仍低于 3.9 mmol/L 请重复一次。如出现意识不清或无法吞咽，家人应立即拨打 120。',
  'en-US':
    'Take 15 g of fast-acting sugar now (glucose tablets, or about 150 mL of juice or a regular soft drink) and recheck your glucose in 15 minutes; repeat if it is still below 3.9 mmol/L. If you become confused or cannot swallow, someone should call 120 at once.',
};

// Grade 3 (>= 180/110, Chinese hypertension guideline 2018). Re-measuring after 5 minutes seated rest follows the
// guideline's home measurement method; chest pain, severe headache, breathlessness, weakness or speech trouble are
// signs of a hypertensive emergency that needs emergency care.
export const URGENT_HIGH_BP_ADVICE: MonitoringText = {
  'zh-CN':
    '请坐下安静休息 5 分钟后再测一次血压。如仍达到 180/110 mmHg 或以上，或有胸痛、剧烈头痛、呼吸困难、肢体无力或说话不清，请立即拨打 120 或去急诊；否则请今天联系您的医生。',
  'en-US':
    'Sit quietly for 5 minutes and measure again. If it is still 180/110 mmHg or higher, or you have chest pain, a severe headache, shortness of breath, weakness or trouble speaking, call 120 or go to an emergency department now; otherwise contact your doctor today.',
};

// Low oxygen saturation: re-measure at rest with a warm finger, then seek care (typical home pulse-oximetry
// advice; org-configurable).
export const URGENT_LOW_SPO2_ADVICE: MonitoringText = {
  'zh-CN':
    '请坐直休息，手指保持温暖，几分钟后再测一次。如仍低于 90%，或感到呼吸困难、胸痛、嘴唇发紫，请立即拨打 120 或去急诊。',
  'en-US':
    'Sit upright, rest and keep your finger warm, then measure again in a few minutes. If it is still below 90%, or you feel short of breath, have chest pain or blue lips, call 120 or go to an emergency department now.',
};
