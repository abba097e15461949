// Blood pressure, body size and heart rate. Blood pressure grades follow the Chinese hypertension guideline 2018;
// BMI bands follow WS/T 428-2013 (see shared/design/clinical.md).
import type { AnalyteKey } from '../../analytes.ts';
import type { InterpretationContent } from '../interpretation.types.ts';
import {
  DIAGNOSTICS_9,
  HYPERTENSION_2018,
  OSTEOPOROSIS_2022,
  WHO_OBESITY_2000,
  WS_T_428,
  reviewedAgainst,
} from '../sources.ts';

const BP_HIGH_NEXT = {
  'zh-CN':
    '建议在安静休息5分钟后规范复测，或在家连续测量5–7天（早晚各一次）并记录。诊室血压多次≥140/90 mmHg或家庭血压≥135/85 mmHg时，请在2–4周内到心内科或全科门诊就诊。减少食盐、控制体重、规律运动、戒烟限酒都有帮助。血压≥180/110 mmHg时请当天就医；伴有剧烈头痛、胸痛、气短、肢体无力时，请立即就医。',
  'en-US':
    'Measure again properly after 5 minutes of rest, or measure at home morning and evening for 5–7 days and keep a record. If office readings are repeatedly 140/90 mmHg or more, or home readings 135/85 mmHg or more, see cardiology or your general practitioner within 2–4 weeks. Less salt, weight control, regular exercise, not smoking and limiting alcohol all help. A reading of 180/110 mmHg or more needs a doctor the same day; with severe headache, chest pain, breathlessness or weakness of a limb, seek care immediately.',
} as const;

const BP_LOW_NEXT = {
  'zh-CN':
    '没有不适的偏低通常无需处理。如有头晕、眼前发黑，起身时动作放慢、适量饮水；正在服用降压药者请在1–2周内请医生评估剂量。出现晕厥或伴有胸痛、心慌时请立即就医。',
  'en-US':
    'A low reading without symptoms usually needs nothing. If you feel dizzy or light-headed, get up slowly and drink enough; if you take blood-pressure medicines, ask your doctor to review the dose within 1–2 weeks. Fainting, or low pressure with chest pain or palpitations, needs immediate care.',
} as const;

export const VITALS = {
  'systolic-bp': {
    measures: {
      'zh-CN': '收缩压（俗称“高压”）是心脏收缩射血时动脉内的最高压力。成人理想血压低于120/80 mmHg。',
      'en-US':
        'Systolic blood pressure (the upper number) is the highest pressure in the arteries as the heart pumps. An ideal adult blood pressure is below 120/80 mmHg.',
    },
    high: {
      'zh-CN':
        '收缩压120–139 mmHg为正常高值，诊室多次测量≥140 mmHg可能提示高血压。紧张、刚运动、喝咖啡或吸烟后、测量姿势不正确都会使读数偏高，单次读数不能确诊。长期偏高会增加心脏、脑、肾脏和血管损害的风险。',
      'en-US':
        'A systolic pressure of 120–139 mmHg is high-normal; repeated office readings of 140 mmHg or more may point to hypertension. Stress, recent exercise, coffee, smoking or a poor measuring position can all push a reading up, so one reading cannot make a diagnosis. Staying high for years raises the risk of damage to the heart, brain, kidneys and blood vessels.',
    },
    low: {
      'zh-CN':
        '收缩压偏低在体型偏瘦的年轻人中较常见，没有症状时通常没有临床意义。也可能与脱水、降压药物过量或站起过快有关。',
      'en-US':
        'A low systolic pressure is common in slim young people and usually means nothing if you feel well. It can also come with dehydration, too much blood-pressure medicine or standing up quickly.',
    },
    nextSteps: { high: BP_HIGH_NEXT, low: BP_LOW_NEXT },
    sources: [HYPERTENSION_2018],
    review: reviewedAgainst(HYPERTENSION_2018),
  },
  'diastolic-bp': {
    measures: {
      'zh-CN': '舒张压（俗称“低压”）是心脏舒张时动脉内的最低压力。',
      'en-US':
        'Diastolic blood pressure (the lower number) is the lowest pressure in the arteries as the heart relaxes.',
    },
    high: {
      'zh-CN':
        '舒张压80–89 mmHg为正常高值，诊室多次测量≥90 mmHg可能提示高血压，在中青年人中较常见，常与超重、饮酒、高盐饮食、缺乏运动和精神压力有关。单次读数不能确诊。',
      'en-US':
        'A diastolic pressure of 80–89 mmHg is high-normal; repeated office readings of 90 mmHg or more may point to hypertension. This is common in younger and middle-aged adults and often linked to excess weight, alcohol, a salty diet, little exercise and stress. One reading cannot make a diagnosis.',
    },
    low: {
      'zh-CN':
        '舒张压偏低没有症状时通常没有临床意义；老年人舒张压偏低常与动脉弹性下降有关，可请医生一并评估。',
      'en-US':
        'A low diastolic pressure without symptoms is usually of no concern; in older adults it often reflects stiffer arteries, which your doctor can assess along with the systolic pressure.',
    },
    nextSteps: { high: BP_HIGH_NEXT, low: BP_LOW_NEXT },
    sources: [HYPERTENSION_2018],
    review: reviewedAgainst(HYPERTENSION_2018),
  },
  bmi: {
    measures: {
      'zh-CN':
        '体重指数（BMI）=体重（千克）÷身高（米）的平方，用来粗略判断体重是否合适。中国成人BMI 18.5–23.9为正常，24.0–27.9为超重，≥28.0为肥胖。',
      'en-US':
        'Body mass index (BMI) is weight in kilograms divided by height in metres squared, a rough guide to whether weight is healthy. For Chinese adults, 18.5–23.9 is normal, 24.0–27.9 overweight and 28.0 or more obese.',
    },
    high: {
      'zh-CN':
        'BMI偏高提示超重或肥胖，会增加高血压、糖尿病、血脂异常、脂肪肝和关节疾病的风险。肌肉发达的人BMI也可能偏高，腰围（男性≥90 cm、女性≥85 cm为中心型肥胖）更能反映腹部脂肪。',
      'en-US':
        'A high BMI means overweight or obesity, which raises the risk of high blood pressure, diabetes, abnormal blood fats, fatty liver and joint problems. Very muscular people can also have a high BMI; waist size (90 cm or more for men, 85 cm or more for women means central obesity) better reflects belly fat.',
    },
    low: {
      'zh-CN':
        'BMI低于18.5为体重过低，可能与进食不足、消化吸收不良、甲状腺功能亢进、慢性疾病或精神心理因素有关，也可能只是体质偏瘦。',
      'en-US':
        'A BMI below 18.5 is underweight. It may come with eating too little, poor absorption, an overactive thyroid, chronic illness or emotional factors, or simply a naturally slim build.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议控制总热量、减少油脂和含糖饮料、每周至少150分钟中等强度运动，先以3–6个月减重5%–10%为目标。可到营养科或全科门诊制定计划，并同时检查血压、血糖和血脂。',
        'en-US':
          'Cut total calories, fats and sugary drinks and get at least 150 minutes of moderate exercise a week; a first goal is to lose 5–10% of your weight over 3–6 months. A nutrition clinic or your general practitioner can help you plan, and check your blood pressure, glucose and lipids at the same time.',
      },
      low: {
        'zh-CN':
          '建议保证均衡饮食和足够蛋白质。近期体重明显下降或伴有乏力、食欲差、腹泻、心慌时，请在2–4周内到全科、内分泌科或消化科就诊。',
        'en-US':
          'Eat a balanced diet with enough protein. If you have lost weight recently or feel tired, have a poor appetite, diarrhoea or palpitations, see your general practitioner, endocrinology or gastroenterology within 2–4 weeks.',
      },
    },
    sources: [WS_T_428, WHO_OBESITY_2000],
    review: reviewedAgainst(WS_T_428, WHO_OBESITY_2000),
  },
  'body-weight': {
    measures: {
      'zh-CN': '体重本身没有统一的正常范围，需要结合身高（体重指数）和变化趋势来看。',
      'en-US':
        'Body weight has no single normal range; it is read together with height (as BMI) and with how it changes over time.',
    },
    high: {
      'zh-CN':
        '体重偏高是否有意义要看体重指数和腰围。短期内体重明显增加，可能与饮食和活动变化有关，也可能与水肿（心、肾、肝疾病）或甲状腺功能减退等有关。',
      'en-US':
        'Whether a high weight matters depends on BMI and waist size. A quick gain may reflect changes in eating and activity, but can also be fluid build-up from heart, kidney or liver disease, or an underactive thyroid.',
    },
    low: {
      'zh-CN':
        '体重偏低要结合体重指数判断。在没有刻意节食的情况下，半年至一年内体重下降超过5%，可能与消化系统疾病、糖尿病、甲状腺功能亢进、慢性感染、肿瘤或情绪问题有关，值得请医生查明原因。',
      'en-US':
        'A low weight is judged with BMI. Losing more than 5% of your weight within 6–12 months without trying may be linked to digestive disease, diabetes, an overactive thyroid, chronic infection, cancer or low mood, and is worth checking with a doctor.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '参考体重指数的建议控制饮食、增加运动。短期内体重快速增加并伴有下肢水肿、气短时，请在1周内到心内科或肾内科就诊。',
        'en-US':
          'Follow the BMI advice on diet and exercise. A quick gain with swollen legs or breathlessness should be seen in cardiology or nephrology within a week.',
      },
      low: {
        'zh-CN': '无明显原因的体重下降，请在2–4周内到全科门诊就诊，医生会根据情况安排进一步检查。',
        'en-US':
          'Unexplained weight loss should be seen by your general practitioner within 2–4 weeks, who will decide on further tests.',
      },
    },
    sources: [WS_T_428, DIAGNOSTICS_9],
    review: reviewedAgainst(WS_T_428, DIAGNOSTICS_9),
  },
  'body-height': {
    measures: {
      'zh-CN': '身高用于计算体重指数等指标。成年人的身高本身没有“偏高”或“偏低”的疾病意义。',
      'en-US':
        'Height is used to work out BMI and similar measures. In adults, height on its own is not a sign of illness, whether tall or short.',
    },
    high: {
      'zh-CN': '成年人身高偏高通常没有临床意义。',
      'en-US': 'A tall adult height is usually of no concern.',
    },
    low: {
      'zh-CN':
        '成年人身高偏矮通常没有临床意义。但中老年人如果比年轻时明显变矮或出现驼背，可能与骨质疏松引起的椎体压缩性骨折有关。',
      'en-US':
        'A short adult height is usually of no concern. But if an older adult has become clearly shorter than when young or is developing a stoop, this may be due to spinal fractures from osteoporosis.',
    },
    nextSteps: {
      high: {
        'zh-CN': '无需处理。',
        'en-US': 'No action is needed.',
      },
      low: {
        'zh-CN':
          '中老年人身高明显变矮或伴有腰背疼痛时，可在1–2个月内到骨科或内分泌科就诊，评估是否需要做骨密度检查。',
        'en-US':
          'An older adult who has become clearly shorter or has back pain can see orthopaedics or endocrinology within 1–2 months to discuss a bone density test.',
      },
    },
    sources: [WS_T_428, OSTEOPOROSIS_2022],
    review: reviewedAgainst(WS_T_428, OSTEOPOROSIS_2022),
  },
  'heart-rate': {
    measures: {
      'zh-CN': '心率是每分钟心跳的次数。成人安静时心率一般为60–100次/分。',
      'en-US':
        'Heart rate is the number of heartbeats per minute. An adult resting heart rate is usually 60–100 beats per minute.',
    },
    high: {
      'zh-CN':
        '心率偏快常见于活动后、紧张、发热、饮用咖啡或浓茶、饮酒之后，也可能与贫血、甲状腺功能亢进、脱水或心律失常有关。',
      'en-US':
        'A fast heart rate is common after activity, with anxiety, fever, coffee, strong tea or alcohol, and can also come with anaemia, an overactive thyroid, dehydration or a heart rhythm problem.',
    },
    low: {
      'zh-CN':
        '经常运动的人安静心率可低于60次/分，属于正常现象。心率偏慢也可能与某些药物（如β受体阻滞剂）、甲状腺功能减退或心脏传导问题有关。',
      'en-US':
        'People who exercise a lot often have a resting rate below 60, which is normal. A slow rate can also come with some medicines (such as beta-blockers), an underactive thyroid or a problem with the heart’s electrical conduction.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议安静休息5–10分钟后复测。安静时心率持续超过100次/分，或伴有心慌、胸闷，请在1–2周内到心内科就诊并做心电图；伴有胸痛、气短、晕厥时请立即就医。',
        'en-US':
          'Measure again after 5–10 minutes of rest. If your resting rate stays above 100, or you have palpitations or chest tightness, see cardiology within 1–2 weeks for an ECG; chest pain, breathlessness or fainting need immediate care.',
      },
      low: {
        'zh-CN':
          '没有不适通常无需处理。伴有头晕、乏力、眼前发黑或晕厥，或正在服用减慢心率的药物，请在1–2周内到心内科就诊；晕厥时请立即就医。',
        'en-US':
          'Without symptoms, usually nothing is needed. If you feel dizzy, weak or faint, or take medicines that slow the heart, see cardiology within 1–2 weeks; fainting needs immediate care.',
      },
    },
    sources: [DIAGNOSTICS_9, HYPERTENSION_2018],
    review: reviewedAgainst(DIAGNOSTICS_9, HYPERTENSION_2018),
  },
} satisfies Partial<Record<AnalyteKey, InterpretationContent>>;
