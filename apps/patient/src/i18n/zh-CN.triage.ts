/** Chinese strings of the symptom check (智能分诊); spread into zh-CN.ts. */
export const zhCNTriage = {
  triage: {
    title: '智能分诊',
    entry: {
      title: '智能分诊',
      hint: '描述症状，推荐科室和医生',
    },
    start: {
      intro: '用自己的话描述哪里不舒服、多久了，我们会问几个问题，然后推荐紧急程度、科室和可预约的医生。',
      emergencyHint: '胸痛、呼吸困难、意识不清、大出血等紧急情况，请不要等待，立即拨打 120。',
      who: '为谁分诊',
      noScope: '你没有为其他人分诊或预约的权限。',
      label: '哪里不舒服？',
      hint: '例如：最近两周口渴、多尿、体重下降。可以用中文或英文。',
      required: '请描述症状',
      submit: '开始分诊',
    },
    chat: {
      log: '分诊对话',
      you: '我：',
      assistant: '分诊助手：',
      skip: '不确定，跳过',
      send: '确定',
      numberRange: '请输入 {{min}} 到 {{max}} 之间的数字',
    },
    emergency: {
      title: '可能是急症，请立即拨打 120',
      call: '拨打 {{number}}',
      nowTitle: '现在请这样做',
      now1: '立即拨打 120，说清地址和症状。',
      now2: '停止活动，坐下或躺下休息，不要自己开车去医院。',
      now3: '请身边的人陪着你，打开门方便急救人员进入。',
      now4: '准备好正在服用的药物和病历，等待救护车。',
    },
    urgency: {
      emergency: { label: '紧急', meaning: '需要立即就医：请拨打 120 或马上去急诊。' },
      within_24h: { label: '24 小时内就医', meaning: '请在 24 小时内看医生，病情加重时立即就医。' },
      routine: { label: '常规就诊', meaning: '可以预约近期的门诊，症状变化时及时就医。' },
      self_care: { label: '居家观察', meaning: '可以先居家休息观察；症状持续或加重时请就医。' },
    },
    result: {
      urgencyTitle: '紧急程度：',
      symptoms: '识别到的症状',
      negated: '无{{label}}',
      departments: '推荐科室',
      rank: '{{rank}}',
      bookDepartment: '预约{{name}}',
      doctors: '可预约的医生',
      noSlots: '近期无号',
      allSlots: '查看全部号源',
      consultOnline: '在线问诊',
      chooseDepartment: '自己选择科室',
      again: '重新分诊',
    },
  },
};

export type TriageMessages = typeof zhCNTriage;
