import type { NotificationKind } from '@careloop/contracts';
import type { Language } from '../../platform/http/language.ts';

// What leaves CareLoop on outside channels, per kind and language. SMS, WeChat and email subjects name only the
// kind of news, never its clinical content (they are read on lock screens, shared phones and mail servers); the
// email body and the web push, which reach the person's own inbox or device, carry the notification itself.

interface KindTemplate {
  /** Email subject and WeChat title. */
  subject: string;
  /** SMS and WeChat text; `{url}` is replaced by the link into the app. */
  short: string;
}

const TEMPLATES: Record<NotificationKind, Record<Language, KindTemplate>> = {
  follow_up_task: {
    'zh-CN': { subject: '您有新的随访事项', short: '【CareLoop】您有新的随访事项，请查看：{url}' },
    'en-US': {
      subject: 'A new follow-up item for you',
      short: '[CareLoop] A new follow-up item for you: {url}',
    },
  },
  critical_value: {
    'zh-CN': { subject: '危急值提醒', short: '【CareLoop】有一项危急值需要立即处理，请查看：{url}' },
    'en-US': { subject: 'Critical value', short: '[CareLoop] A critical value needs attention now: {url}' },
  },
  task_assigned: {
    'zh-CN': { subject: '有任务分配给您', short: '【CareLoop】有任务分配给您，请查看：{url}' },
    'en-US': { subject: 'A task was assigned to you', short: '[CareLoop] A task was assigned to you: {url}' },
  },
  report_ready: {
    'zh-CN': { subject: '您的报告已出', short: '【CareLoop】您的报告已出，请查看：{url}' },
    'en-US': { subject: 'Your report is ready', short: '[CareLoop] Your report is ready: {url}' },
  },
  monitoring_alert: {
    'zh-CN': { subject: '健康监测预警', short: '【CareLoop】您有一条健康监测预警，请查看：{url}' },
    'en-US': { subject: 'Health monitoring alert', short: '[CareLoop] A health monitoring alert: {url}' },
  },
  measurement_reminder: {
    'zh-CN': { subject: '测量提醒', short: '【CareLoop】按监测计划该测量了：{url}' },
    'en-US': {
      subject: 'Time to measure',
      short: '[CareLoop] Your monitoring plan asks for a reading: {url}',
    },
  },
  consultation_message: {
    'zh-CN': { subject: '您有新的问诊消息', short: '【CareLoop】您有新的问诊消息，请查看：{url}' },
    'en-US': { subject: 'New consultation message', short: '[CareLoop] New consultation message: {url}' },
  },
  consultation_update: {
    'zh-CN': { subject: '问诊状态有更新', short: '【CareLoop】您的问诊状态有更新，请查看：{url}' },
    'en-US': { subject: 'Consultation update', short: '[CareLoop] Your consultation was updated: {url}' },
  },
  appointment_reminder: {
    'zh-CN': { subject: '就诊提醒', short: '【CareLoop】您有一个预约即将就诊，请查看：{url}' },
    'en-US': { subject: 'Appointment reminder', short: '[CareLoop] Your appointment is coming up: {url}' },
  },
  appointment_update: {
    'zh-CN': { subject: '预约有更新', short: '【CareLoop】您的预约有更新，请查看：{url}' },
    'en-US': { subject: 'Appointment update', short: '[CareLoop] Your appointment was updated: {url}' },
  },
  call_incoming: {
    'zh-CN': { subject: '医生正在呼叫您', short: '【CareLoop】医生正在发起视频通话，请打开：{url}' },
    'en-US': { subject: 'Incoming call', short: '[CareLoop] Your doctor is calling you: {url}' },
  },
  referral_update: {
    'zh-CN': { subject: '转诊有更新', short: '【CareLoop】您的转诊有更新，请查看：{url}' },
    'en-US': { subject: 'Referral update', short: '[CareLoop] A referral was updated: {url}' },
  },
  prescription_update: {
    'zh-CN': { subject: '处方有更新', short: '【CareLoop】您的处方有更新，请查看：{url}' },
    'en-US': { subject: 'Prescription update', short: '[CareLoop] A prescription was updated: {url}' },
  },
  prescription_review: {
    'zh-CN': { subject: '有处方待审核', short: '【CareLoop】有处方等待药师审核，请查看：{url}' },
    'en-US': {
      subject: 'Prescription to review',
      short: '[CareLoop] A prescription is waiting for review: {url}',
    },
  },
  medication_order_update: {
    'zh-CN': { subject: '药品订单有更新', short: '【CareLoop】您的药品订单有更新，请查看：{url}' },
    'en-US': {
      subject: 'Medication order update',
      short: '[CareLoop] Your medication order was updated: {url}',
    },
  },
  medication_reminder: {
    'zh-CN': { subject: '用药提醒', short: '【CareLoop】到了服药时间，请查看：{url}' },
    'en-US': { subject: 'Medication reminder', short: '[CareLoop] It is time for a dose: {url}' },
  },
  medication_reaction: {
    'zh-CN': {
      subject: '患者报告了用药不良反应',
      short: '【CareLoop】有患者报告了用药不良反应，请查看：{url}',
    },
    'en-US': {
      subject: 'A patient reported a reaction',
      short: '[CareLoop] A patient reported a medication reaction: {url}',
    },
  },
  medication_refill: {
    'zh-CN': { subject: '续方申请有更新', short: '【CareLoop】有续方申请需要处理或有更新，请查看：{url}' },
    'en-US': { subject: 'Refill request', short: '[CareLoop] A refill request needs attention: {url}' },
  },
};

const EMAIL_FOOTER: Record<Language, string> = {
  'zh-CN': '您可以在 CareLoop 的“通知设置”中选择接收哪些通知以及免打扰时段。',
  'en-US':
    'Choose which notifications you receive, and your quiet hours, in CareLoop under Notification settings.',
};

const OPEN: Record<Language, string> = { 'zh-CN': '查看详情', 'en-US': 'Open' };

export interface RenderInput {
  kind: NotificationKind;
  language: Language;
  title: string;
  body: string;
  /** Absolute URL into the right app, or null. */
  url: string | null;
}

export function renderEmail(n: RenderInput): { subject: string; text: string } {
  const t = TEMPLATES[n.kind][n.language];
  const lines = [n.title, '', n.body];
  if (n.url) lines.push('', `${OPEN[n.language]}: ${n.url}`);
  lines.push('', '--', EMAIL_FOOTER[n.language]);
  return { subject: `CareLoop: ${t.subject}`, text: lines.join('\n') };
}

export function renderShort(n: RenderInput): { title: string; text: string } {
  const t = TEMPLATES[n.kind][n.language];
  const text = n.url ? t.short.replace('{url}', n.url) : t.short.replace(/[:：]\s*\{url\}$/, '');
  return { title: t.subject, text };
}

/** What the service worker shows: the notification as in the inbox, and where a tap goes. */
export function renderPush(n: RenderInput & { id: string; urgent: boolean }): string {
  return JSON.stringify({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    url: n.url,
    urgent: n.urgent,
  });
}
