// Names of home measurements stored under LOINC codes that the checkup analyte table does not carry.
export const HOME_READING_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  // 15074-8 Glucose [Moles/volume] in Blood
  '15074-8': { zh: '血糖', en: 'Blood glucose' },
  // 59408-5 Oxygen saturation in Arterial blood by Pulse oximetry
  '59408-5': { zh: '血氧饱和度', en: 'Oxygen saturation' },
  // 55423-8 Number of steps in unspecified time Pedometer
  '55423-8': { zh: '步数', en: 'Steps' },
  // 93832-4 Sleep duration
  '93832-4': { zh: '睡眠时长', en: 'Sleep duration' },
  // 8310-5 Body temperature
  '8310-5': { zh: '体温', en: 'Body temperature' },
};
