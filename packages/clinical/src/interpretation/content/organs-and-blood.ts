// Kidney, liver, blood count and electrolytes. Reference intervals are the Chinese adult intervals of WS/T 404 and
// WS/T 405; critical limits are the typical ones in shared/design/clinical.md (each organisation sets its own).
import type { AnalyteKey } from '../../analytes.ts';
import type { InterpretationContent } from '../interpretation.types.ts';
import {
  CRITICAL_VALUES,
  DIAGNOSTICS_9,
  KDIGO_2012,
  NAFLD_2018,
  WHO_ANAEMIA_2011,
  WS_T_404_1,
  WS_T_404_3,
  WS_T_404_5,
  WS_T_405,
  reviewedAgainst,
} from '../sources.ts';

export const ORGANS_AND_BLOOD = {
  creatinine: {
    measures: {
      'zh-CN':
        '肌酐是肌肉活动产生的代谢废物，几乎全部由肾脏排出，是评估肾功能的常用指标。医生常用它结合年龄和性别计算估算肾小球滤过率（eGFR）。',
      'en-US':
        'Creatinine is a waste product of muscle activity that the kidneys clear almost entirely. It is a common test of kidney function, and doctors use it with age and sex to estimate the glomerular filtration rate (eGFR).',
    },
    high: {
      'zh-CN':
        '肌酐偏高可能提示肾脏清除能力下降，也可能与脱水、剧烈运动、大量进食肉类、肌肉量大或某些药物有关。是否存在慢性肾脏病，需要结合eGFR、尿蛋白并在3个月后复查来判断。',
      'en-US':
        'A high creatinine may mean the kidneys are clearing less well, but it can also follow dehydration, hard exercise, a large meat meal, a large muscle mass or some medicines. Whether there is chronic kidney disease is judged with the eGFR and urine protein, and a repeat after 3 months.',
    },
    low: {
      'zh-CN': '肌酐偏低通常没有临床意义，多见于肌肉量较少的人、老年人、孕妇或长期卧床者。',
      'en-US':
        'A low creatinine is usually of no concern; it is common in people with less muscle, older adults, pregnant women and people who are bedbound.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议多饮水、避免剧烈运动后采血，1–2周内复查肌酐并查尿常规和尿白蛋白/肌酐比值。确认偏高或eGFR下降时请到肾内科就诊；自行服用止痛药、中草药等请告诉医生。短期内明显升高或尿量明显减少时请尽快就医。',
        'en-US':
          'Drink enough water, avoid hard exercise before the test, and recheck creatinine with a urine test and urine albumin-to-creatinine ratio within 1–2 weeks. If it stays high or the eGFR is reduced, see nephrology, and tell your doctor about painkillers or herbal remedies you take. A quick rise or passing much less urine needs prompt care.',
      },
      low: {
        'zh-CN': '一般无需处理，按常规体检复查即可。',
        'en-US': 'Usually nothing is needed; recheck at your routine checkup.',
      },
    },
    sources: [WS_T_404_5, KDIGO_2012],
    review: reviewedAgainst(WS_T_404_5, KDIGO_2012),
  },
  alt: {
    measures: {
      'zh-CN':
        '丙氨酸氨基转移酶（ALT）主要存在于肝细胞内，肝细胞受损时会释放入血，是反映肝细胞损伤最敏感的指标之一。',
      'en-US':
        'Alanine aminotransferase (ALT) is an enzyme found mainly in liver cells. It leaks into the blood when liver cells are injured, which makes it one of the most sensitive signs of liver cell damage.',
    },
    high: {
      'zh-CN':
        'ALT轻度偏高很常见，可能与脂肪肝、饮酒、熬夜劳累、剧烈运动、肥胖或服用某些药物和保健品有关，也可能与病毒性肝炎等肝脏疾病有关。轻度升高多为一过性，需要复查确认。',
      'en-US':
        'A mildly raised ALT is common and may be linked to fatty liver, alcohol, lack of sleep, hard exercise, excess weight, or some medicines and supplements; it can also come from liver diseases such as viral hepatitis. Mild rises are often temporary and need a repeat test.',
    },
    low: {
      'zh-CN': 'ALT偏低通常没有临床意义。',
      'en-US': 'A low ALT is usually of no concern.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议戒酒、规律作息、避免自行服用保健品和不必要的药物，2–4周后复查肝功能，必要时查乙肝、丙肝和肝脏B超。持续偏高或超过正常上限3倍以上，请在1周内到消化科或肝病科就诊；如有皮肤发黄、尿色加深，请尽快就医。',
        'en-US':
          'Avoid alcohol, keep regular sleep, stop supplements and medicines you do not need, and repeat liver tests in 2–4 weeks, with hepatitis B and C tests and a liver ultrasound if advised. If it stays high or is more than 3 times the upper limit, see gastroenterology or hepatology within a week; yellow skin or dark urine needs prompt care.',
      },
      low: {
        'zh-CN': '无需处理。',
        'en-US': 'No action is needed.',
      },
    },
    sources: [WS_T_404_1, NAFLD_2018],
    review: reviewedAgainst(WS_T_404_1, NAFLD_2018),
  },
  ast: {
    measures: {
      'zh-CN': '天门冬氨酸氨基转移酶（AST）存在于肝脏、心肌和骨骼肌等组织中，常与ALT一起用于评估肝脏损伤。',
      'en-US':
        'Aspartate aminotransferase (AST) is an enzyme found in the liver, heart muscle and skeletal muscle. It is read together with ALT to assess liver injury.',
    },
    high: {
      'zh-CN':
        'AST偏高可能与脂肪肝、饮酒、病毒性肝炎、药物有关；剧烈运动或肌肉损伤后也会升高。AST明显高于ALT时，可能与饮酒或肌肉来源有关，需要医生综合判断。',
      'en-US':
        'A raised AST may be linked to fatty liver, alcohol, viral hepatitis or medicines; it also rises after hard exercise or muscle injury. When AST is clearly higher than ALT, alcohol or a muscle source may be involved, which your doctor will weigh with other results.',
    },
    low: {
      'zh-CN': 'AST偏低通常没有临床意义。',
      'en-US': 'A low AST is usually of no concern.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '建议复查前3天避免剧烈运动和饮酒，2–4周后复查肝功能。持续偏高请到消化科或肝病科就诊；如伴有胸痛、胸闷，请立即就医。',
        'en-US':
          'Avoid hard exercise and alcohol for 3 days before a repeat liver test in 2–4 weeks. If it stays high, see gastroenterology or hepatology; chest pain or tightness needs immediate care.',
      },
      low: {
        'zh-CN': '无需处理。',
        'en-US': 'No action is needed.',
      },
    },
    sources: [WS_T_404_1, NAFLD_2018],
    review: reviewedAgainst(WS_T_404_1, NAFLD_2018),
  },
  hemoglobin: {
    measures: {
      'zh-CN':
        '血红蛋白是红细胞中携带氧气的蛋白质，是判断有无贫血的主要指标。成年男性参考值为130–175 g/L，女性为115–150 g/L。',
      'en-US':
        'Haemoglobin is the oxygen-carrying protein in red blood cells and the main test for anaemia. The adult reference range is 130–175 g/L for men and 115–150 g/L for women.',
    },
    high: {
      'zh-CN':
        '血红蛋白偏高可能与脱水、长期吸烟、居住在高海拔地区或慢性肺病有关，少数情况下与骨髓疾病（如真性红细胞增多症）有关。',
      'en-US':
        'A high haemoglobin may come with dehydration, long-term smoking, living at high altitude or chronic lung disease, and rarely with bone marrow conditions such as polycythaemia vera.',
    },
    low: {
      'zh-CN':
        '血红蛋白偏低提示贫血，常见原因有缺铁（如月经量多、消化道慢性失血、饮食不足）、维生素B12或叶酸缺乏、慢性疾病和地中海贫血等。可能出现乏力、头晕、面色苍白、活动后气短。',
      'en-US':
        'A low haemoglobin means anaemia. Common causes are iron deficiency (heavy periods, slow bleeding from the gut, poor diet), lack of vitamin B12 or folate, chronic illness and thalassaemia. It can cause tiredness, dizziness, pale skin and breathlessness on effort.',
    },
    nextSteps: {
      high: {
        'zh-CN': '建议充分饮水后2–4周内复查血常规；吸烟者建议戒烟。持续偏高请到血液科或全科门诊就诊。',
        'en-US':
          'Drink enough water and repeat the blood count within 2–4 weeks; if you smoke, stopping helps. If it stays high, see haematology or your general practitioner.',
      },
      low: {
        'zh-CN':
          '建议1–2周内到全科、血液科或消化科就诊，查明贫血原因（如铁代谢、维生素B12、叶酸、大便潜血），不要自行长期补铁。出现黑便、呕血、明显心慌气短或晕厥时请立即就医。',
        'en-US':
          'See your general practitioner, haematology or gastroenterology within 1–2 weeks to find the cause (iron studies, vitamin B12, folate, a stool blood test); do not take iron for long on your own. Black stools, vomiting blood, marked breathlessness or fainting need immediate care.',
      },
    },
    sources: [WS_T_405, WHO_ANAEMIA_2011, CRITICAL_VALUES],
    review: reviewedAgainst(WS_T_405, WHO_ANAEMIA_2011),
  },
  wbc: {
    measures: {
      'zh-CN': '白细胞是身体抵抗感染的免疫细胞。成人参考值为3.5–9.5×10⁹/L。',
      'en-US':
        'White blood cells are the immune cells that fight infection. The adult reference range is 3.5–9.5 ×10⁹/L.',
    },
    high: {
      'zh-CN':
        '白细胞偏高最常见于细菌感染或炎症，也可见于吸烟、剧烈运动、精神紧张、妊娠或服用糖皮质激素后；少数情况下与血液系统疾病有关。',
      'en-US':
        'A high white cell count most often comes with a bacterial infection or inflammation. It can also follow smoking, hard exercise, stress, pregnancy or steroid medicines, and rarely a blood disorder.',
    },
    low: {
      'zh-CN':
        '白细胞偏低可见于病毒感染后、某些药物（如化疗药、部分抗甲状腺药）、自身免疫病或营养缺乏，部分健康人也会长期轻度偏低。明显偏低时抵抗感染的能力可能下降。',
      'en-US':
        'A low white cell count can follow a viral infection, some medicines (such as chemotherapy or some thyroid medicines), autoimmune disease or poor nutrition; some healthy people run slightly low all their life. When it is markedly low, the body may fight infection less well.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '如有发热、咳嗽、尿痛等感染症状，请在1–3天内到发热门诊或相应专科就诊；没有症状的轻度偏高，可在2–4周后复查血常规。持续偏高请到血液科就诊。',
        'en-US':
          'If you have fever, cough, pain on passing urine or other signs of infection, see a doctor within 1–3 days; a mild rise without symptoms can be rechecked in 2–4 weeks. If it stays high, see haematology.',
      },
      low: {
        'zh-CN':
          '建议2–4周后复查血常规并告诉医生正在使用的药物。持续偏低或伴有发热、反复感染，请尽快到血液科就诊。',
        'en-US':
          'Repeat the blood count in 2–4 weeks and tell your doctor which medicines you take. If it stays low or you have fever or repeated infections, see haematology soon.',
      },
    },
    sources: [WS_T_405, CRITICAL_VALUES],
    review: reviewedAgainst(WS_T_405),
  },
  platelets: {
    measures: {
      'zh-CN': '血小板参与止血和凝血。成人参考值为125–350×10⁹/L。',
      'en-US':
        'Platelets help the blood to clot and stop bleeding. The adult reference range is 125–350 ×10⁹/L.',
    },
    high: {
      'zh-CN':
        '血小板偏高常见于感染、炎症、缺铁、失血或脾切除后（反应性升高），少数情况下与骨髓增殖性疾病有关。',
      'en-US':
        'A high platelet count is often a reaction to infection, inflammation, iron deficiency, blood loss or removal of the spleen, and rarely a sign of a bone marrow disorder.',
    },
    low: {
      'zh-CN':
        '血小板偏低可能与病毒感染、某些药物、免疫因素、肝病脾大或骨髓问题有关，也可能是采血时血小板聚集造成的假性偏低。明显偏低时可能出现皮肤瘀点瘀斑、牙龈出血或鼻出血。',
      'en-US':
        'A low platelet count may follow a viral infection, some medicines, immune causes, liver disease with a large spleen or bone marrow problems; it can also be a false result when platelets clump in the sample. When markedly low, there may be pinpoint skin bleeding, bruising, bleeding gums or nosebleeds.',
    },
    nextSteps: {
      high: {
        'zh-CN': '建议2–4周后复查血常规，同时查明是否存在感染或缺铁。持续偏高请到血液科就诊。',
        'en-US':
          'Repeat the blood count in 2–4 weeks and look for infection or iron deficiency. If it stays high, see haematology.',
      },
      low: {
        'zh-CN':
          '建议1–2周内复查血常规（必要时换用枸橼酸钠抗凝管以排除假性减低），并到血液科就诊。避免剧烈碰撞，暂勿自行服用阿司匹林等影响止血的药物（正在服用者请咨询医生）。出现明显出血时请立即就医。',
        'en-US':
          'Repeat the blood count within 1–2 weeks (a citrate tube can rule out clumping) and see haematology. Avoid knocks and do not start aspirin or other blood-thinning medicines on your own (if you already take them, ask your doctor). Any significant bleeding needs immediate care.',
      },
    },
    sources: [WS_T_405, CRITICAL_VALUES],
    review: reviewedAgainst(WS_T_405),
  },
  potassium: {
    measures: {
      'zh-CN': '钾是维持神经、肌肉和心脏正常功能的重要电解质，主要通过饮食摄入、经肾脏排出。',
      'en-US':
        'Potassium is a salt the nerves, muscles and heart need to work normally. It comes from food and leaves the body through the kidneys.',
    },
    high: {
      'zh-CN':
        '血钾偏高可能与采血过程中溶血（假性升高）、肾功能下降、某些降压药（如普利类、沙坦类）和保钾利尿剂、补钾过量有关。血钾明显升高可能影响心脏节律。',
      'en-US':
        'A high potassium may be caused by red cells breaking in the sample (a false rise), reduced kidney function, some blood-pressure medicines (ACE inhibitors, ARBs), potassium-sparing diuretics or too much potassium supplement. A markedly high potassium can upset the heart rhythm.',
    },
    low: {
      'zh-CN':
        '血钾偏低可能与呕吐、腹泻、进食过少、使用排钾利尿剂有关，少数与内分泌疾病（如原发性醛固酮增多症）有关。可能出现乏力、肌肉无力、心慌。',
      'en-US':
        'A low potassium may follow vomiting, diarrhoea, eating too little or water tablets that remove potassium, and occasionally hormone conditions such as primary aldosteronism. It can cause tiredness, muscle weakness and palpitations.',
    },
    nextSteps: {
      high: {
        'zh-CN':
          '轻度偏高建议在数天内复查（注意避免采血时长时间握拳或压迫），并把正在服用的药物告诉医生；确认偏高请到肾内科或心内科就诊。出现心慌、肢体无力时请立即就医。',
        'en-US':
          'If mildly high, recheck within a few days (avoid prolonged fist clenching during the blood draw) and tell your doctor about your medicines; if confirmed, see nephrology or cardiology. Palpitations or limb weakness need immediate care.',
      },
      low: {
        'zh-CN':
          '建议在1周内复查，多吃含钾丰富的食物（如香蕉、橙子、绿叶蔬菜），不要自行大量补钾。合并高血压且血钾偏低者，请到内分泌科或心内科就诊排查原因。出现明显乏力、心慌时请尽快就医。',
        'en-US':
          'Recheck within a week and eat potassium-rich foods (bananas, oranges, leafy greens); do not take large potassium supplements on your own. Low potassium together with high blood pressure should be looked into in endocrinology or cardiology. Marked weakness or palpitations need prompt care.',
      },
    },
    sources: [WS_T_404_3, CRITICAL_VALUES],
    review: reviewedAgainst(WS_T_404_3),
  },
  sodium: {
    measures: {
      'zh-CN': '钠是维持体内水分平衡和血压的主要电解质，与饮水量、出汗和肾脏调节密切相关。',
      'en-US':
        'Sodium is the main salt that keeps the body’s water balance and blood pressure steady; it depends on how much you drink, sweat and how your kidneys adjust.',
    },
    high: {
      'zh-CN': '血钠偏高多见于饮水不足、大量出汗、发热或腹泻导致的脱水，少数与内分泌或肾脏问题有关。',
      'en-US':
        'A high sodium usually means dehydration from drinking too little, heavy sweating, fever or diarrhoea, and occasionally a hormone or kidney problem.',
    },
    low: {
      'zh-CN':
        '血钠偏低可能与饮水过多、呕吐腹泻、使用某些利尿剂或抗抑郁药、心衰、肝肾疾病或内分泌问题有关，老年人较常见。可能出现乏力、恶心、头痛，明显偏低时可出现意识改变。',
      'en-US':
        'A low sodium may follow drinking very large amounts of water, vomiting or diarrhoea, some diuretics or antidepressants, heart failure, liver or kidney disease or hormone problems, and is more common in older adults. It can cause tiredness, nausea and headache, and confusion when markedly low.',
    },
    nextSteps: {
      high: {
        'zh-CN': '建议适量饮水，在数天至1周内复查；持续偏高请到内分泌科或肾内科就诊。',
        'en-US':
          'Drink adequately and recheck within a few days to a week; if it stays high, see endocrinology or nephrology.',
      },
      low: {
        'zh-CN':
          '建议在1周内复查，并把正在服用的药物告诉医生；不要在短时间内大量饮水或自行大量补盐。持续偏低请到内分泌科或肾内科就诊；出现意识模糊、抽搐时请立即就医。',
        'en-US':
          'Recheck within a week and tell your doctor about your medicines; do not drink large amounts quickly or take a lot of salt on your own. If it stays low, see endocrinology or nephrology; confusion or seizures need immediate care.',
      },
    },
    sources: [WS_T_404_3, CRITICAL_VALUES, DIAGNOSTICS_9],
    review: reviewedAgainst(WS_T_404_3, DIAGNOSTICS_9),
  },
} satisfies Partial<Record<AnalyteKey, InterpretationContent>>;
