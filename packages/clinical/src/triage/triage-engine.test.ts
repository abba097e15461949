import { describe, expect, it } from 'vitest';
import { addText, applyAnswer, emptyFacts, runTriage } from './engine.ts';
import { evaluate } from './evaluation.ts';
import { TRIAGE_EVALUATION_CASES } from './evaluation-cases.ts';
import { detectLanguage } from './language.ts';
import { matchSymptoms, tokenizeEnglish } from './match-symptoms.ts';
import { predictNaiveBayes, trainNaiveBayes } from './naive-bayes.ts';
import { validateOverride, applyOverrides } from './overrides.ts';
import { DEFAULT_SYMPTOMS } from './engine.ts';

const zh = (text: string, age = 40) => runTriage(addText({ ...emptyFacts(), ageYears: age }, [text], 'zh'));
const en = (text: string, age = 40) =>
  runTriage(addText({ ...emptyFacts(), ageYears: age }, tokenizeEnglish(text), 'en'));
const flags = (o: ReturnType<typeof runTriage>) => o.redFlags.map((r) => r.id);

describe('symptom matching with negation', () => {
  it.each([
    ['我不发烧，就是咳嗽', { fever: false, cough: true }],
    ['没有胸痛，也没有发烧', { chest_pain: false, fever: false }],
    ['没有发烧、咳嗽', { fever: false, cough: false }],
    ['不停地咳嗽', { cough: true }],
    ['胸口疼但不出汗', { chest_pain: true, sweating: false }],
    ['心口疼，拉肚子，喘不上气', { chest_pain: true, diarrhea: true, shortness_of_breath: true }],
  ])('%s', (text, expected) => {
    const got = matchSymptoms([text], 'zh', DEFAULT_SYMPTOMS);
    for (const [id, v] of Object.entries(expected)) expect(got[id], id).toBe(v);
  });

  it.each([
    ['no fever or cough, just a headache', { fever: false, cough: false, headache: true }],
    ["I don't have chest pain but I am short of breath", { chest_pain: false, shortness_of_breath: true }],
    ["I can't breathe", { shortness_of_breath: true }],
  ])('%s', (text, expected) => {
    const got = matchSymptoms(tokenizeEnglish(text), 'en', DEFAULT_SYMPTOMS);
    for (const [id, v] of Object.entries(expected)) expect(got[id], id).toBe(v);
  });
});

describe('red flags come first', () => {
  // 2021 AHA/ACC chest pain guideline: acute chest pain with these features -> emergency services.
  it('chest pain with sweating and arm pain is an emergency with call-120 advice', () => {
    const out = zh('胸口疼，出冷汗，左胳膊疼');
    expect(flags(out)).toContain('chest_pain_cardiac');
    expect(out.urgency).toBe('emergency');
    expect(out.redFlags[0]?.adviceZh).toContain('120');
    expect(out.nextQuestion).toBeNull();
  });
  // FAST (Harbison et al., Stroke 2003): any of face, arm, speech.
  it.each(['嘴歪了', '说话不清楚', 'my face is drooping', 'slurred speech'])('stroke sign: %s', (t) => {
    const out = /[a-z]/.test(t) ? en(t) : zh(t);
    expect(flags(out)).toContain('stroke_signs');
  });
  // NICE NG143: age < 3 months with temperature >= 38 °C is red (high risk).
  it('fever in a baby under 3 months is an emergency, at 4 months it is not a red flag', () => {
    expect(flags(zh('发烧38.2度', 0.2))).toContain('infant_fever');
    expect(flags(zh('发烧38.2度', 0.4))).not.toContain('infant_fever');
  });
  // WHO IMCI general danger signs.
  it('a child under 5 who cannot drink is an emergency', () => {
    expect(flags(zh('孩子发烧，不喝奶', 1))).toContain('child_danger_signs');
  });
  // NICE NG225 self-harm; WAO 2020 anaphylaxis.
  it.each([
    ['我不想活了', 'suicidal_intent'],
    ['吃了花生后嘴唇肿，喘不上气', 'anaphylaxis'],
    ['he is unresponsive', 'loss_of_consciousness'],
    ['vomiting blood', 'heavy_bleeding'],
    ['孩子抽搐了', 'seizure'],
  ])('%s -> %s', (t, id) => {
    const out = /[a-z]/.test(t) ? en(t) : zh(t);
    expect(flags(out)).toContain(id);
    expect(out.urgency).toBe('emergency');
  });
  it('a negated red-flag symptom does not fire', () => {
    expect(flags(zh('胸口有点疼，没有出汗，不喘'))).not.toContain('chest_pain_cardiac');
  });
});

describe('follow-up questions', () => {
  it('asks the possible red flag first, and a "yes" makes it an emergency', () => {
    let facts = addText({ ...emptyFacts(), ageYears: 55 }, ['胸口痛'], 'zh');
    const out = runTriage(facts);
    expect(out.nextQuestion?.id).toBe('redflag:chest_pain_cardiac');
    facts = applyAnswer(facts, 'redflag:chest_pain_cardiac', 'yes');
    expect(runTriage(facts).urgency).toBe('emergency');
  });
  it('asks at most five questions', () => {
    let facts = addText(emptyFacts(), ['头晕'], 'zh');
    let n = 0;
    for (let out = runTriage(facts); out.nextQuestion; out = runTriage(facts)) {
      facts = applyAnswer(facts, out.nextQuestion.id, undefined);
      n += 1;
    }
    expect(n).toBeLessThanOrEqual(5);
  });
  it('rejects an answer outside the options', () => {
    expect(() => applyAnswer(emptyFacts(), 'severity', 'terrible')).toThrow();
  });
});

describe('language and overrides', () => {
  it.each([
    ['我头疼', 'zh'],
    ['headache', 'en'],
    ['😀😀', 'none'],
    ['頭が痛いです', 'other'],
    ['у меня болит голова', 'other'],
  ])('%s is %s', (t, lang) => expect(detectLanguage(t)).toBe(lang));

  it('adds an org synonym and rejects an unknown department', () => {
    const kb = applyOverrides(DEFAULT_SYMPTOMS, [
      { symptomId: 'diarrhea', extraSynonymsZh: ['闹肚子'], extraSynonymsEn: [] },
    ]);
    expect(matchSymptoms(['闹肚子'], 'zh', kb)['diarrhea']).toBe(true);
    expect(
      validateOverride(
        { symptomId: 'diarrhea', extraSynonymsZh: [], extraSynonymsEn: [], departments: { dentistry: 1 } },
        DEFAULT_SYMPTOMS,
      ),
    ).toEqual([{ path: 'departments.dentistry', message: 'unknown_department' }]);
  });
});

describe('naive Bayes', () => {
  it('learns where similar complaints ended up', () => {
    const model = trainNaiveBayes([
      { tokens: ['胸闷', '心慌'], label: 'cardiology' },
      { tokens: ['心慌', '血压'], label: 'cardiology' },
      { tokens: ['咳嗽', '发热'], label: 'respiratory' },
      { tokens: ['咳嗽', '有痰'], label: 'respiratory' },
    ]);
    const p = predictNaiveBayes(model, ['心慌']);
    expect(p['cardiology']).toBeGreaterThan(p['respiratory'] ?? 0);
    expect(predictNaiveBayes(model, ['unknownword'])).toEqual({});
  });
});

describe('evaluation set', () => {
  it('holds at least 100 cases in zh and en, with emergencies among them', () => {
    expect(TRIAGE_EVALUATION_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(TRIAGE_EVALUATION_CASES.map((c) => c.lang))).toEqual(new Set(['zh', 'en']));
  });
  it('never under-triages an emergency, and keeps accuracy and department ranking up', () => {
    const m = evaluate(TRIAGE_EVALUATION_CASES);
    const report = JSON.stringify(m);
    expect(m.emergencyUnderTriage, report).toBe(0);
    expect(m.emergencyUnderTriageFirstMessage).toBe(0);
    expect(m.urgencyAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(m.departmentTop3).toBeGreaterThanOrEqual(0.95);
  });
});
