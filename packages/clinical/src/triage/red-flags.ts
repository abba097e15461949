import type { RedFlagRule, TriageFacts } from './triage.types.ts';

// Red flags: symptom combinations that need emergency care now. Each fires on facts read from the text or the
// answers, or when the patient answers "yes" to its confirming question (`confirmed`). They are checked before
// anything else and override every other rule: a fired red flag makes the urgency `emergency` whatever the
// department ranking or the classifier say. Where a text cannot tell a benign case from a dangerous one (a
// seizure that stopped, chest pain with sweating), the rule errs towards emergency: under-triage is the error
// that matters. Admins cannot edit these rules; they change in the repo with a source.

const NHS_999 =
  'NHS: When to call 999 (nhs.uk, urgent and emergency care services) — heart attack and stroke signs, severe ' +
  'difficulty breathing, heavy bleeding, loss of consciousness, sudden confusion, a seizure, sudden severe pain, ' +
  'anaphylaxis, a suicide attempt';

export const TRIAGE_SOURCES = {
  chestPain:
    '2021 AHA/ACC Guideline for the Evaluation and Diagnosis of Chest Pain (Gulati et al., Circulation 2021;144:e368-e454): ' +
    'acute chest pain should prompt a call to emergency medical services; 2020 ESC Guidelines for NSTE-ACS (Collet et al., ' +
    'Eur Heart J 2021;42:1289-1367)',
  stroke:
    'FAST, Face Arm Speech Test (Harbison et al., Stroke 2003;34:71-76); Stroke 1-2-0 (Zhao and Liu, Lancet Neurol 2017)',
  nhs999: NHS_999,
  imci: 'WHO Integrated Management of Childhood Illness (IMCI) chart booklet, 2014: general danger signs',
  feverUnder5: 'NICE NG143 Fever in under 5s: assessment and initial management (2019), traffic-light table',
  anaphylaxis:
    'World Allergy Organization anaphylaxis guidance 2020 (Cardona et al., World Allergy Organ J 2020;13:100472); ' +
    'Resuscitation Council UK, Emergency treatment of anaphylaxis (2021)',
  selfHarm:
    'NICE NG225 Self-harm: assessment, management and preventing recurrence (2022); WHO LIVE LIFE (2021)',
  meningitis: 'NICE NG240 Meningitis (bacterial) and meningococcal disease (2024)',
  headache: 'NICE CG150 Headaches in over 12s (2012, updated 2021): thunderclap headache',
  earlyPregnancy: 'NICE NG126 Ectopic pregnancy and miscarriage (2019, updated 2023)',
  upperGiBleed: 'NICE CG141 Acute upper gastrointestinal bleeding in over 16s (2012)',
} as const;

const has = (f: TriageFacts, id: string) => f.symptoms[id] === true;
const confirmed = (f: TriageFacts, id: string) => f.confirmed.includes(id);
const pregnant = (f: TriageFacts) => f.pregnant === true || has(f, 'pregnancy');
const chestPain = (f: TriageFacts) => has(f, 'chest_pain') || has(f, 'chest_tightness');

const CALL = { zh: '请立即拨打120急救电话。', en: 'Call 120 (emergency) now.' };

const rule = (r: Omit<RedFlagRule, 'adviceZh' | 'adviceEn'> & { zh: string; en: string }): RedFlagRule => {
  const { zh, en, ...rest } = r;
  return { ...rest, adviceZh: `${CALL.zh}${zh}`, adviceEn: `${CALL.en} ${en}` };
};

export const RED_FLAG_RULES: readonly RedFlagRule[] = [
  rule({
    id: 'chest_pain_cardiac',
    labelZh: '胸痛伴出汗、放射痛或气短（可能是心梗）',
    labelEn: 'Chest pain with sweating, spreading pain or breathlessness (possible heart attack)',
    zh: '停止活动，坐下或躺下休息，不要自己开车去医院。',
    en: 'Stop what you are doing, sit or lie down, and do not drive yourself to hospital.',
    source: TRIAGE_SOURCES.chestPain,
    fires: (f) =>
      confirmed(f, 'chest_pain_cardiac') ||
      (chestPain(f) &&
        (has(f, 'sweating') ||
          has(f, 'radiating_pain') ||
          has(f, 'shortness_of_breath') ||
          has(f, 'fainting') ||
          f.severity === 'severe')),
    possible: (f) => chestPain(f),
    questionZh: '胸痛时是否出冷汗、疼痛传到手臂/下巴/后背，或者喘不上气？',
    questionEn:
      'With the chest pain, are you sweating, does the pain spread to your arm, jaw or back, or are you short of breath?',
    denies: ['sweating', 'radiating_pain', 'shortness_of_breath'],
  }),
  rule({
    id: 'stroke_signs',
    labelZh: '中风征兆：口角歪斜、一侧肢体无力或说话不清',
    labelEn: 'Stroke signs: face drooping, arm or leg weakness, slurred speech',
    zh: '记下症状开始的时间，不要吃东西或喝水，等待救护车。',
    en: 'Note the time the symptoms started, do not eat or drink, and wait for the ambulance.',
    source: TRIAGE_SOURCES.stroke,
    fires: (f) =>
      confirmed(f, 'stroke_signs') ||
      has(f, 'face_droop') ||
      has(f, 'one_sided_weakness') ||
      has(f, 'speech_difficulty') ||
      (has(f, 'vision_loss') && f.sudden === true),
    possible: (f) =>
      has(f, 'dizziness') ||
      has(f, 'numbness') ||
      has(f, 'vision_loss') ||
      (has(f, 'headache') && f.sudden === true),
    questionZh: '有没有一侧脸歪、一侧手脚无力或麻木、说话不清？',
    questionEn:
      'Is one side of the face drooping, an arm or leg weak or numb on one side, or is speech slurred?',
    denies: ['face_droop', 'one_sided_weakness', 'speech_difficulty'],
  }),
  rule({
    id: 'thunderclap_headache',
    labelZh: '突发剧烈头痛（一生中最严重的头痛）',
    labelEn: 'Sudden, severe headache (the worst ever)',
    zh: '不要自行服药等待观察。',
    en: 'Do not wait to see whether painkillers help.',
    source: TRIAGE_SOURCES.headache,
    fires: (f) =>
      confirmed(f, 'thunderclap_headache') ||
      has(f, 'thunderclap_headache') ||
      (has(f, 'headache') && f.sudden === true && f.severity === 'severe'),
    possible: (f) => has(f, 'headache') && f.severity !== 'mild',
    questionZh: '头痛是不是突然发作、一分钟内就达到最痛，是这辈子最厉害的头痛？',
    questionEn:
      'Did the headache start suddenly, reaching its worst within a minute, the worst headache of your life?',
    denies: ['thunderclap_headache'],
  }),
  rule({
    id: 'severe_breathing_difficulty',
    labelZh: '严重呼吸困难',
    labelEn: 'Severe difficulty breathing',
    zh: '坐直，松开紧身衣物；如有医生开的急救吸入药，按医嘱使用。',
    en: 'Sit upright and loosen tight clothing; use a prescribed reliever inhaler as instructed.',
    source: NHS_999,
    fires: (f) =>
      confirmed(f, 'severe_breathing_difficulty') ||
      has(f, 'cyanosis') ||
      (has(f, 'shortness_of_breath') && f.severity === 'severe'),
    possible: (f) => has(f, 'shortness_of_breath') || has(f, 'wheezing'),
    questionZh: '是否喘得说不完一句话，或者嘴唇发紫？',
    questionEn: 'Are you too breathless to finish a sentence, or are your lips turning blue?',
    denies: ['cyanosis'],
  }),
  rule({
    id: 'anaphylaxis',
    labelZh: '严重过敏反应（嘴唇/喉咙肿胀伴呼吸困难或头晕）',
    labelEn: 'Anaphylaxis (swelling of lips or throat with breathing trouble or faintness)',
    zh: '如有肾上腺素自动注射笔，立即使用；平躺并抬高双腿，呼吸困难时可坐起。',
    en: 'Use an adrenaline auto-injector now if you have one; lie down with legs raised, or sit up if breathing is hard.',
    source: TRIAGE_SOURCES.anaphylaxis,
    fires: (f) =>
      confirmed(f, 'anaphylaxis') ||
      (has(f, 'swelling_face_throat') &&
        (has(f, 'shortness_of_breath') || has(f, 'wheezing') || has(f, 'fainting') || has(f, 'dizziness'))) ||
      (has(f, 'allergen_exposure') &&
        (has(f, 'rash') || has(f, 'swelling_face_throat')) &&
        (has(f, 'shortness_of_breath') || has(f, 'wheezing') || has(f, 'fainting') || has(f, 'vomiting'))),
    possible: (f) => has(f, 'swelling_face_throat') || (has(f, 'allergen_exposure') && has(f, 'rash')),
    questionZh: '是否有呼吸困难、喘鸣、喉咙发紧，或头晕要晕倒？',
    questionEn: 'Is there any trouble breathing, wheeze, tight throat, or feeling faint?',
    denies: [],
  }),
  rule({
    id: 'heavy_bleeding',
    labelZh: '大出血或呕血',
    labelEn: 'Heavy bleeding or vomiting blood',
    zh: '用干净的布用力按压出血处，不要松开。',
    en: 'Press firmly on the bleeding with a clean cloth and keep pressing.',
    source: `${NHS_999}; ${TRIAGE_SOURCES.upperGiBleed}`,
    fires: (f) =>
      confirmed(f, 'heavy_bleeding') ||
      has(f, 'heavy_bleeding') ||
      has(f, 'vomiting_blood') ||
      (has(f, 'blood_in_stool') && (has(f, 'fainting') || has(f, 'dizziness'))),
    possible: (f) => has(f, 'blood_in_stool') || has(f, 'coughing_blood') || has(f, 'vaginal_bleeding'),
    questionZh: '出血量大吗（止不住、浸透衣物），或者感觉头晕要晕倒？',
    questionEn: 'Is it a lot of blood (not stopping, soaking through), or do you feel faint?',
    denies: ['heavy_bleeding'],
  }),
  rule({
    id: 'loss_of_consciousness',
    labelZh: '意识丧失或突然神志不清',
    labelEn: 'Loss of consciousness or sudden confusion',
    zh: '如无正常呼吸，立即开始心肺复苏；有呼吸则让其侧卧。',
    en: 'If they are not breathing normally, start CPR; if they are, put them on their side.',
    source: NHS_999,
    fires: (f) => confirmed(f, 'loss_of_consciousness') || has(f, 'unconscious') || has(f, 'confusion'),
    possible: (f) => has(f, 'fainting') || has(f, 'lethargy'),
    questionZh: '现在是否仍然叫不醒、没有反应，或者醒来后糊涂？',
    questionEn: 'Are they still unconscious or hard to wake, or confused after coming round?',
    denies: ['unconscious', 'confusion'],
  }),
  rule({
    id: 'seizure',
    labelZh: '抽搐（癫痫发作）',
    labelEn: 'Seizure (fit)',
    zh: '让患者侧卧，移开周围的硬物，不要往嘴里塞东西，记下抽搐持续的时间。',
    en: 'Put them on their side, move hard objects away, put nothing in their mouth, and time the seizure.',
    source: NHS_999,
    fires: (f) => confirmed(f, 'seizure') || has(f, 'seizure'),
    denies: ['seizure'],
  }),
  rule({
    id: 'suicidal_intent',
    labelZh: '自杀或自伤的想法',
    labelEn: 'Thoughts of suicide or self-harm',
    zh: '或马上去最近的急诊。不要独处，请身边的人陪着你，移开可能伤害自己的物品；也可以拨打当地心理援助热线。',
    en: 'Or go to the nearest emergency department. Do not stay alone: ask someone to stay with you, move away anything you could hurt yourself with; you can also call a local crisis line.',
    source: TRIAGE_SOURCES.selfHarm,
    fires: (f) => confirmed(f, 'suicidal_intent') || has(f, 'suicidal'),
    possible: (f) => has(f, 'low_mood'),
    questionZh: '有没有想伤害自己或不想活的念头？',
    questionEn: 'Have you had thoughts of harming yourself or of not wanting to live?',
    denies: ['suicidal'],
  }),
  rule({
    id: 'infant_fever',
    labelZh: '3个月以下婴儿发热',
    labelEn: 'Fever in a baby under 3 months',
    zh: '或马上带宝宝去医院急诊，不要在家观察。',
    en: 'Or take the baby to an emergency department now; do not wait at home.',
    source: TRIAGE_SOURCES.feverUnder5,
    fires: (f) =>
      f.ageYears !== undefined &&
      f.ageYears < 0.25 &&
      (has(f, 'fever') || (f.temperatureC !== undefined && f.temperatureC >= 38)),
  }),
  rule({
    id: 'child_danger_signs',
    labelZh: '儿童危险征象：不能喝水或吃奶、抽搐、精神萎靡叫不醒',
    labelEn: 'Danger signs in a child: cannot drink or feed, convulsions, lethargic or hard to wake',
    zh: '或马上带孩子去医院急诊。',
    en: 'Or take the child to an emergency department now.',
    source: TRIAGE_SOURCES.imci,
    fires: (f) =>
      confirmed(f, 'child_danger_signs') ||
      (f.ageYears !== undefined &&
        f.ageYears < 5 &&
        (has(f, 'infant_feeding_refusal') ||
          has(f, 'lethargy') ||
          has(f, 'seizure') ||
          has(f, 'unconscious'))),
    possible: (f) =>
      f.ageYears !== undefined &&
      f.ageYears < 5 &&
      (has(f, 'fever') || has(f, 'vomiting') || has(f, 'diarrhea')),
    questionZh: '孩子是否不能喝水或吃奶、吃什么吐什么、特别没精神叫不醒，或者抽搐过？',
    questionEn:
      'Is the child unable to drink or feed, vomiting everything, very sleepy or hard to wake, or has had a fit?',
    denies: ['infant_feeding_refusal', 'lethargy'],
  }),
  rule({
    id: 'meningitis_signs',
    labelZh: '发热伴脖子僵硬（可能是脑膜炎）',
    labelEn: 'Fever with a stiff neck (possible meningitis)',
    zh: '或马上去医院急诊。',
    en: 'Or go to an emergency department now.',
    source: TRIAGE_SOURCES.meningitis,
    fires: (f) => confirmed(f, 'meningitis_signs') || (has(f, 'fever') && has(f, 'stiff_neck')),
    possible: (f) => has(f, 'fever') && (has(f, 'headache') || has(f, 'rash') || has(f, 'vomiting')),
    questionZh: '脖子是否发硬、低头下巴碰不到胸口，或者皮疹用玻璃杯压也不褪色？',
    questionEn:
      'Is the neck stiff (chin cannot touch the chest), or is there a rash that does not fade under a pressed glass?',
    denies: ['stiff_neck'],
  }),
  rule({
    id: 'acute_abdomen',
    labelZh: '剧烈腹痛伴肚子发硬',
    labelEn: 'Severe abdominal pain with a rigid belly',
    zh: '就医前不要吃喝东西，也不要自行服用止痛药。',
    en: 'Do not eat, drink or take painkillers before you are seen.',
    source: NHS_999,
    fires: (f) =>
      confirmed(f, 'acute_abdomen') ||
      (has(f, 'abdominal_pain') &&
        (has(f, 'abdominal_rigidity') || (f.severity === 'severe' && f.sudden === true))),
    possible: (f) => has(f, 'abdominal_pain') && f.severity === 'severe',
    questionZh: '肚子是否硬邦邦、一碰就剧痛，或者疼痛是突然开始的剧痛？',
    questionEn: 'Is the belly hard and very painful to touch, or did the severe pain start suddenly?',
    denies: ['abdominal_rigidity'],
  }),
  rule({
    id: 'pregnancy_emergency',
    labelZh: '怀孕期间大量出血、剧烈腹痛或晕倒',
    labelEn: 'Heavy bleeding, severe belly pain or fainting in pregnancy',
    zh: '或马上去医院急诊（妇产科）。',
    en: 'Or go to an emergency department (obstetrics) now.',
    source: TRIAGE_SOURCES.earlyPregnancy,
    fires: (f) =>
      confirmed(f, 'pregnancy_emergency') ||
      (pregnant(f) &&
        (has(f, 'heavy_bleeding') ||
          has(f, 'fainting') ||
          (has(f, 'abdominal_pain') && f.severity === 'severe'))),
    possible: (f) => pregnant(f) && (has(f, 'vaginal_bleeding') || has(f, 'abdominal_pain')),
    questionZh: '出血多吗，或者肚子疼得厉害、感觉要晕倒？',
    questionEn: 'Is the bleeding heavy, is the belly pain severe, or do you feel faint?',
    denies: [],
  }),
];

/** The red flags the facts meet, in table order. */
export function firedRedFlags(
  facts: TriageFacts,
  rules: readonly RedFlagRule[] = RED_FLAG_RULES,
): RedFlagRule[] {
  return rules.filter((r) => r.fires(facts));
}
