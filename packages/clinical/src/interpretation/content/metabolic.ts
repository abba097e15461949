// Glucose, HbA1c, lipids and uric acid. Thresholds quoted are those of the Chinese diabetes guideline 2020,
// lipid guideline 2023 and hyperuricaemia guideline 2019 (see shared/design/clinical.md).
import type { AnalyteKey } from '../../analytes.ts';
import type { InterpretationContent } from '../interpretation.types.ts';
import { CDS_2020, CRITICAL_VALUES, GOUT_2019, LIPID_2023, reviewedAgainst } from '../sources.ts';

export const METABOLIC = {
  glucose: {
    measures: {
      'zh-CN':
        '血糖是血液中葡萄糖的浓度，是身体的主要能量来源。随机血糖受进食时间影响较大，需要结合采血时间来看。',
      'en-US':
        'Blood glucose is the amount of sugar in your blood, the body’s main source of energy. A random glucose depends a lot on when you last ate, so it is read together with the time of sampling.',
    },
    high: {
      'zh-CN':
        '血糖偏高常见于刚进食后、紧张、感染或服用某些药物（如糖皮质激素）时，也可能提示糖尿病或糖尿病前期。单次结果不能确诊，随机血糖≥11.1 mmol/L并伴有多饮、多尿、体重下降等症状时，需要尽快请医生评估。',
      'en-US':
        'A raised glucose is common soon after a meal, under stress, during an infection or with some medicines such as steroids, and it may also point to diabetes or prediabetes. One result cannot make a diagnosis; a random glucose of 11.1 mmol/L or more together with thirst, passing a lot of urine or weight loss should be checked by a doctor soon.',
    },
    low: {
      'zh-CN':
        '血糖低于3.9 mmol/L属于低血糖，可能与长时间未进食、剧烈运动、饮酒或降糖药物（尤其是胰岛素和磺脲类）有关。可能出现心慌、出汗、手抖、饥饿感，严重时可出现意识模糊。',
      'en-US':
        'A glucose below 3.9 mmol/L is low (hypoglycaemia). It may follow a long fast, hard exercise, alcohol, or glucose-lowering medicines, especially insulin and sulfonylureas. It can cause a racing heart, sweating, shakiness and hunger, and when severe, confusion.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议在1–2周内复查空腹血糖，必要时做口服葡萄糖耐量试验（OGTT）和糖化血红蛋白，并到内分泌科或全科门诊就诊。平时少吃甜食和精制主食，规律运动，控制体重。',
        'en-US':
          'Recheck a fasting glucose within 1–2 weeks and, if your doctor advises, an oral glucose tolerance test and HbA1c; see endocrinology or your general practitioner. Meanwhile cut down on sweets and refined starch, stay active and watch your weight.',
      },
      low: {
        'zh-CN':
          '如有低血糖症状，先立即吃15–20克含糖食物（如几块糖或半杯果汁），15分钟后再测。正在使用降糖药者请尽快（数天内）联系医生调整用药；无糖尿病却反复出现低血糖，请到内分泌科就诊。',
        'en-US':
          'If you have symptoms, take 15–20 g of fast sugar now (a few sweets or half a glass of juice) and check again after 15 minutes. If you take glucose-lowering medicines, contact your doctor within a few days to review them; repeated low glucose without diabetes should be seen in endocrinology.',
      },
    },
    sources: [CDS_2020, CRITICAL_VALUES],
    review: reviewedAgainst(CDS_2020),
  },
  'fasting-glucose': {
    measures: {
      'zh-CN': '空腹血糖是至少8小时未进食后测得的血糖，是筛查糖尿病和糖尿病前期最常用的指标之一。',
      'en-US':
        'Fasting glucose is the blood sugar measured after at least 8 hours without food. It is one of the most common tests to screen for diabetes and prediabetes.',
    },
    high: {
      'zh-CN':
        '空腹血糖6.1–6.9 mmol/L提示空腹血糖受损（糖尿病前期），≥7.0 mmol/L可能提示糖尿病，但需要另一天复查或结合其他检查才能确诊。采血前进食、熬夜、感冒发热或服用某些药物也可能使结果偏高。',
      'en-US':
        'A fasting glucose of 6.1–6.9 mmol/L suggests impaired fasting glucose (prediabetes); 7.0 mmol/L or more may point to diabetes, which needs a repeat test on another day or other tests to confirm. Eating before the test, a late night, a cold or fever, or some medicines can also push the result up.',
    },
    low: {
      'zh-CN':
        '空腹血糖低于3.9 mmol/L属于偏低，可能与空腹时间过长、饮酒或降糖药物有关，少数情况下与其他内分泌问题有关。',
      'en-US':
        'A fasting glucose below 3.9 mmol/L is low. It may follow a very long fast, alcohol or glucose-lowering medicines, and occasionally other hormone problems.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议1–2周内到内分泌科或全科门诊复查空腹血糖，医生可能安排口服葡萄糖耐量试验（OGTT）和糖化血红蛋白。糖尿病前期通过减重、饮食控制和每周至少150分钟中等强度运动，多数人可以改善。',
        'en-US':
          'Recheck within 1–2 weeks in endocrinology or general practice; your doctor may add an oral glucose tolerance test and HbA1c. In prediabetes, losing weight, eating better and at least 150 minutes of moderate exercise a week help most people.',
      },
      low: {
        'zh-CN':
          '出现心慌、出汗、手抖时立即补充含糖食物。使用降糖药者请在数天内联系医生评估用药；未用药却偏低，请到内分泌科就诊查明原因。',
        'en-US':
          'If you feel shaky, sweaty or your heart races, take something sugary at once. If you use glucose-lowering medicines, ask your doctor to review them within a few days; if you take none, see endocrinology to find the cause.',
      },
    },
    sources: [CDS_2020, CRITICAL_VALUES],
    review: reviewedAgainst(CDS_2020),
  },
  hba1c: {
    measures: {
      'zh-CN': '糖化血红蛋白（HbA1c）反映过去2–3个月的平均血糖水平，不受单次进食影响。',
      'en-US':
        'HbA1c reflects your average blood sugar over the past 2–3 months and is not affected by a single meal.',
    },
    high: {
      'zh-CN':
        '糖化血红蛋白≥6.5%可能提示糖尿病，略高于正常提示糖尿病风险增加；已确诊糖尿病者偏高说明近几个月血糖控制不够理想。缺铁性贫血等情况也可能使结果偏高，需要医生综合判断。',
      'en-US':
        'An HbA1c of 6.5% or more may point to diabetes; a value just above normal means a higher risk of diabetes. In people with diabetes, a high value means glucose control over recent months could be better. Iron deficiency and some other conditions can also raise it, so your doctor will weigh it with other results.',
    },
    low: {
      'zh-CN':
        '糖化血红蛋白偏低通常意义不大。可能与贫血、失血、溶血等使红细胞寿命缩短的情况有关；使用降糖药者偏低时，可能提示存在低血糖。',
      'en-US':
        'A low HbA1c is usually of little concern. It may come with anaemia, blood loss or other conditions that shorten the life of red cells; in people on glucose-lowering medicines it may be a sign of low glucose episodes.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '首次发现偏高，建议2–4周内到内分泌科就诊，结合空腹血糖或OGTT确认。已确诊糖尿病者按医生建议调整饮食、运动和用药，通常每3个月复查一次。',
        'en-US':
          'If this is new, see endocrinology within 2–4 weeks to confirm with a fasting glucose or glucose tolerance test. If you have diabetes, review diet, exercise and medicines with your doctor; HbA1c is usually rechecked every 3 months.',
      },
      low: {
        'zh-CN':
          '一般无需特殊处理。使用降糖药并有心慌、出汗等低血糖表现者，请在1–2周内联系医生；如同时发现贫血，请到血液科或全科门诊进一步检查。',
        'en-US':
          'Usually nothing special is needed. If you take glucose-lowering medicines and have episodes of shakiness or sweating, contact your doctor within 1–2 weeks; if you are also anaemic, see haematology or your general practitioner.',
      },
    },
    sources: [CDS_2020],
    review: reviewedAgainst(CDS_2020),
  },
  'total-cholesterol': {
    measures: {
      'zh-CN': '总胆固醇是血液中各种脂蛋白所含胆固醇的总和，是评估血脂和心血管风险的基础指标。',
      'en-US':
        'Total cholesterol is all the cholesterol carried in your blood. It is a basic measure of blood fats and heart and blood-vessel risk.',
    },
    high: {
      'zh-CN':
        '总胆固醇<5.2 mmol/L为合适水平，5.2–6.1 mmol/L为边缘升高，≥6.2 mmol/L为升高。偏高常与高脂饮食、缺乏运动、体重超标和遗传有关，也可见于甲状腺功能减退、肾病等，长期偏高会增加动脉粥样硬化的风险。',
      'en-US':
        'Below 5.2 mmol/L is desirable, 5.2–6.1 mmol/L borderline and 6.2 mmol/L or more high. A high value often comes with a fatty diet, little exercise, excess weight or family history, and sometimes with an underactive thyroid or kidney disease. Staying high for years raises the risk of hardened arteries.',
    },
    low: {
      'zh-CN':
        '总胆固醇轻度偏低通常没有临床意义。明显偏低可见于营养不良、甲状腺功能亢进或肝病等，也可能与服用降脂药物有关。',
      'en-US':
        'A slightly low total cholesterol is usually of no concern. A markedly low value can occur with poor nutrition, an overactive thyroid or liver disease, or with cholesterol-lowering medicines.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议少吃动物内脏、肥肉和油炸食品，多吃蔬菜和全谷物，规律运动、戒烟限酒，3–6个月后空腹复查血脂。合并高血压、糖尿病或已有心脑血管病者，请在1个月内到心内科或内分泌科评估是否需要用药。',
        'en-US':
          'Eat less offal, fatty meat and fried food and more vegetables and whole grains, exercise regularly, stop smoking, limit alcohol, and repeat a fasting lipid test in 3–6 months. If you also have high blood pressure, diabetes or heart or stroke disease, see cardiology or endocrinology within a month to discuss medicine.',
      },
      low: {
        'zh-CN':
          '一般无需处理。若明显偏低且伴有消瘦、乏力、心慌等不适，请在数周内到全科门诊就诊；正在服用降脂药者请按医生安排复查。',
        'en-US':
          'Usually nothing is needed. If it is markedly low and you have weight loss, tiredness or palpitations, see your general practitioner within a few weeks; if you take cholesterol-lowering medicine, keep to the follow-up your doctor set.',
      },
    },
    sources: [LIPID_2023],
    review: reviewedAgainst(LIPID_2023),
  },
  'ldl-cholesterol': {
    measures: {
      'zh-CN':
        '低密度脂蛋白胆固醇（LDL-C）俗称“坏胆固醇”，容易沉积在血管壁上，是动脉粥样硬化最主要的危险因素之一。',
      'en-US':
        'LDL cholesterol, often called “bad cholesterol”, tends to build up in artery walls and is one of the main risk factors for hardened arteries.',
    },
    high: {
      'zh-CN':
        'LDL-C<3.4 mmol/L为合适水平，3.4–4.0 mmol/L为边缘升高，≥4.1 mmol/L为升高。已有冠心病、脑卒中、糖尿病等情况的人，医生设定的控制目标会更低。偏高多与饮食、体重、运动不足和遗传有关。',
      'en-US':
        'Below 3.4 mmol/L is desirable, 3.4–4.0 mmol/L borderline and 4.1 mmol/L or more high. People with heart disease, stroke or diabetes usually have a lower target set by their doctor. High values are mostly linked to diet, weight, too little exercise and family history.',
    },
    low: {
      'zh-CN': 'LDL-C偏低通常不是问题，对心血管反而有利；服用降脂药物时偏低往往是治疗目标。',
      'en-US':
        'A low LDL cholesterol is usually not a problem and is good for the heart and blood vessels; on cholesterol-lowering treatment it is often the goal.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议调整饮食（减少饱和脂肪和反式脂肪）、增加运动、控制体重、戒烟，3–6个月后复查。同时有高血压、糖尿病、吸烟等多个危险因素，或已有心脑血管病者，请在1个月内到心内科评估。',
        'en-US':
          'Cut saturated and trans fats, be more active, manage your weight, stop smoking and repeat the test in 3–6 months. If you have several risk factors such as high blood pressure, diabetes or smoking, or already have heart or stroke disease, see cardiology within a month.',
      },
      low: {
        'zh-CN': '一般无需处理，按原计划定期复查即可。',
        'en-US': 'Usually nothing is needed; keep to your regular checkups.',
      },
    },
    sources: [LIPID_2023],
    review: reviewedAgainst(LIPID_2023),
  },
  'hdl-cholesterol': {
    measures: {
      'zh-CN': '高密度脂蛋白胆固醇（HDL-C）俗称“好胆固醇”，能把血管中多余的胆固醇运回肝脏处理。',
      'en-US':
        'HDL cholesterol, often called “good cholesterol”, carries extra cholesterol away from the arteries back to the liver.',
    },
    high: {
      'zh-CN': 'HDL-C偏高一般被认为对心血管有利，通常无需处理；极高水平并不代表额外的保护作用。',
      'en-US':
        'A high HDL cholesterol is generally considered good for the heart and usually needs no action; very high levels do not add further protection.',
    },
    low: {
      'zh-CN':
        'HDL-C<1.0 mmol/L为偏低，心血管风险可能增加。常与吸烟、缺乏运动、超重、甘油三酯偏高或糖尿病有关。',
      'en-US':
        'Below 1.0 mmol/L is low and may raise heart and blood-vessel risk. It often goes with smoking, little exercise, excess weight, high triglycerides or diabetes.',
    },
    nextSteps: {
      high: {
        'zh-CN': '一般无需特殊处理，保持健康的生活方式，按常规体检复查。',
        'en-US':
          'Usually nothing special is needed; keep a healthy lifestyle and recheck at your routine checkup.',
      },
      low: {
        'zh-CN':
          '建议戒烟、规律有氧运动、减轻体重，3–6个月后复查血脂。如同时有其他血脂异常或高血压、糖尿病，请到心内科或内分泌科评估整体心血管风险。',
        'en-US':
          'Stop smoking, do regular aerobic exercise, lose weight if needed and repeat the lipid test in 3–6 months. If other lipids are also abnormal or you have high blood pressure or diabetes, see cardiology or endocrinology to assess your overall risk.',
      },
    },
    sources: [LIPID_2023],
    review: reviewedAgainst(LIPID_2023),
  },
  triglycerides: {
    measures: {
      'zh-CN': '甘油三酯是血液中的一种脂肪，受近期饮食和饮酒影响较大，应在空腹状态下测定。',
      'en-US':
        'Triglycerides are a type of fat in the blood. They change a lot with recent meals and alcohol, so they are measured fasting.',
    },
    high: {
      'zh-CN':
        '甘油三酯<1.7 mmol/L为合适水平，1.7–2.2 mmol/L为边缘升高，≥2.3 mmol/L为升高。常见原因包括采血前未空腹、饮酒、高糖高脂饮食、肥胖和糖尿病。明显升高（≥5.6 mmol/L）时急性胰腺炎风险增加。',
      'en-US':
        'Below 1.7 mmol/L is desirable, 1.7–2.2 mmol/L borderline and 2.3 mmol/L or more high. Common causes are not fasting before the test, alcohol, a diet high in sugar and fat, obesity and diabetes. Very high levels (5.6 mmol/L or more) raise the risk of acute pancreatitis.',
    },
    low: {
      'zh-CN': '甘油三酯偏低通常没有临床意义，少数可见于营养不良或甲状腺功能亢进。',
      'en-US':
        'A low triglyceride level is usually of no concern; occasionally it comes with poor nutrition or an overactive thyroid.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议限酒或戒酒，少吃甜食、含糖饮料和精制主食，增加运动，1–3个月后空腹复查。明显升高或伴有腹痛时请尽快到消化科或急诊就诊；其余情况可在1个月内到内分泌科或心内科就诊。',
        'en-US':
          'Cut down on or stop alcohol, eat fewer sweets, sugary drinks and refined starch, exercise more and repeat a fasting test in 1–3 months. If it is very high or you have belly pain, seek care promptly (gastroenterology or emergency); otherwise see endocrinology or cardiology within a month.',
      },
      low: {
        'zh-CN': '一般无需处理；如伴有明显消瘦或心慌，可到全科门诊就诊。',
        'en-US':
          'Usually nothing is needed; if you also have marked weight loss or palpitations, see your general practitioner.',
      },
    },
    sources: [LIPID_2023],
    review: reviewedAgainst(LIPID_2023),
  },
  'uric-acid': {
    measures: {
      'zh-CN': '尿酸是体内嘌呤代谢的产物，主要经肾脏排出。血尿酸过高时可形成尿酸盐结晶，沉积在关节和肾脏。',
      'en-US':
        'Uric acid is a waste product of purine breakdown and leaves the body mainly through the kidneys. When it is too high, crystals can form in joints and kidneys.',
    },
    high: {
      'zh-CN':
        '非同日两次空腹血尿酸>420 μmol/L可诊断为高尿酸血症。偏高常与高嘌呤饮食（动物内脏、海鲜、浓肉汤）、饮酒（尤其啤酒）、含糖饮料、肥胖、某些利尿剂以及肾功能下降有关，可能引起痛风发作或肾结石。',
      'en-US':
        'Fasting uric acid above 420 μmol/L on two different days defines hyperuricaemia. High values often come with a purine-rich diet (offal, seafood, rich meat broth), alcohol (especially beer), sugary drinks, obesity, some diuretics or reduced kidney function, and may lead to gout attacks or kidney stones.',
    },
    low: {
      'zh-CN': '血尿酸偏低通常没有临床意义，少数可见于某些肾小管疾病或药物影响。',
      'en-US':
        'A low uric acid is usually of no concern; rarely it is due to certain kidney tubule disorders or medicines.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议多喝水、少吃高嘌呤食物、限酒和含糖饮料、控制体重，2–4周后空腹复查。反复偏高、有关节红肿疼痛或肾结石者，请到内分泌科、风湿免疫科或肾内科就诊。',
        'en-US':
          'Drink plenty of water, eat fewer purine-rich foods, limit alcohol and sugary drinks, manage your weight and repeat a fasting test in 2–4 weeks. If it stays high or you have red, painful joints or kidney stones, see endocrinology, rheumatology or nephrology.',
      },
      low: {
        'zh-CN': '一般无需处理，按常规体检复查即可。',
        'en-US': 'Usually nothing is needed; recheck at your routine checkup.',
      },
    },
    sources: [GOUT_2019],
    review: reviewedAgainst(GOUT_2019),
  },
} satisfies Partial<Record<AnalyteKey, InterpretationContent>>;
