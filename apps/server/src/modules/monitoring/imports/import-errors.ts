import type { Language } from '../../../platform/http/language.ts';

/** Why an import failed, as stored on its row; shown in the caller's language. */
export type ImportErrorKey = 'not-apple-health' | 'zip-archive' | 'part-missing' | 'failed';

const MESSAGES: Readonly<Record<ImportErrorKey, { en: string; zh: string }>> = {
  'not-apple-health': {
    en: 'The file is not an Apple Health export (export.xml): it has no <HealthData> element',
    zh: '该文件不是 Apple 健康导出文件（export.xml）：缺少 <HealthData> 元素',
  },
  'zip-archive': {
    en: 'The file is a ZIP archive: unzip the export and upload apple_health_export/export.xml',
    zh: '该文件是 ZIP 压缩包：请先解压，再上传 apple_health_export/export.xml',
  },
  'part-missing': {
    en: 'A part of the upload is missing from storage; upload the file again',
    zh: '上传的部分分片已丢失，请重新上传该文件',
  },
  failed: {
    en: 'The import stopped on an unexpected error; the readings stored before it are kept',
    zh: '导入因意外错误中止，此前已保存的读数仍保留',
  },
};

export function importErrorMessage(key: string | null, language: Language): string | null {
  if (key === null) return null;
  if (!Object.hasOwn(MESSAGES, key)) return key;
  const message = MESSAGES[key as ImportErrorKey];
  return language === 'zh-CN' ? message.zh : message.en;
}
