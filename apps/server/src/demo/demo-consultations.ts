// Demo consultations: past ones closed with summaries (each an encounter in the record) and rated, so doctors'
// profiles show ratings; 王芳 in an ongoing chat with the demo doctor; two requests waiting in the cardiology
// pool; the hospital's shared quick replies. 张伟 has one past consultation and none open, so the demo journey
// (start a consultation on the phone) begins clean.
import { sql } from 'kysely';
import { lookupIcd10 } from '@careloop/clinical';
import type { AppDeps } from '../platform/deps.ts';
import type { Tx } from '../platform/db/database.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { storeEncounter } from '../modules/records/index.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_ORG } from './demo-staff.ts';
import { DemoRandom } from './random.ts';

const DAY = 86_400_000;
const MIN = 60_000;

interface Line {
  from: 'patient' | 'doctor';
  text: string;
}

interface PastCase {
  department: string;
  complaint: string;
  lines: Line[];
  icd10: string;
  advice: string;
  followUpDays: number | null;
  stars: number;
  comment: string | null;
}

const PAST: readonly PastCase[] = [
  {
    department: 'cardiology',
    complaint: '最近早上血压 150/95 左右，偶尔头晕，需要调整用药吗？',
    lines: [
      { from: 'doctor', text: '您好，目前在吃什么降压药？每天什么时候吃？' },
      { from: 'patient', text: '氨氯地平 5mg，每天早上一次。' },
      { from: 'doctor', text: '请连续一周早晚各测一次血压并记录，饮食少盐，下周复查。' },
    ],
    icd10: 'I10',
    advice: '继续氨氯地平 5mg 每日一次；低盐饮食（每日食盐 < 5 g）；早晚家庭血压监测一周后复诊。',
    followUpDays: 7,
    stars: 5,
    comment: '医生回复很快，讲得很清楚。',
  },
  {
    department: 'endocrinology',
    complaint: '体检空腹血糖 7.2，糖化 6.8%，是糖尿病吗？',
    lines: [
      { from: 'doctor', text: '空腹血糖 ≥ 7.0 且糖化血红蛋白 ≥ 6.5%，符合糖尿病诊断标准。有口渴多尿吗？' },
      { from: 'patient', text: '最近确实喝水多一些。' },
      { from: 'doctor', text: '建议门诊进一步评估，先从饮食和运动开始控制。' },
    ],
    icd10: 'E11.9',
    advice: '控制主食量、每周至少 150 分钟中等强度运动；两周内内分泌科门诊复诊，完善血脂、肾功能和眼底检查。',
    followUpDays: 14,
    stars: 4,
    comment: '很专业，建议实用。',
  },
  {
    department: 'respiratory',
    complaint: '咳嗽一周，有白痰，不发烧。',
    lines: [
      { from: 'doctor', text: '有没有气喘、胸痛？最近有没有感冒？' },
      { from: 'patient', text: '没有气喘，一周前感冒过。' },
    ],
    icd10: 'J20.9',
    advice: '多饮水，可服用止咳化痰药；如出现发热、气促或咳嗽超过三周，请到呼吸内科就诊。',
    followUpDays: null,
    stars: 5,
    comment: null,
  },
  {
    department: 'gastroenterology',
    complaint: '饭后胃胀，反酸两周。',
    lines: [
      { from: 'doctor', text: '有黑便或体重下降吗？平时吃辣、喝酒吗？' },
      { from: 'patient', text: '没有黑便，喜欢吃辣。' },
      { from: 'doctor', text: '先调整饮食，少食多餐，睡前三小时不进食。' },
    ],
    icd10: 'K21.9',
    advice: '避免辛辣、咖啡和饮酒；少食多餐；睡前 3 小时不进食；两周不缓解请门诊就诊。',
    followUpDays: 14,
    stars: 3,
    comment: '等待时间有点长。',
  },
];

const QUICK_REPLIES: readonly { title: string; body: string }[] = [
  { title: '问候', body: '您好，我是接诊医生，已看到您的问题，请稍等，我先看一下您的资料。' },
  { title: '请上传检查', body: '请上传最近一次的检查报告或化验单照片，方便我更准确地判断。' },
  { title: '测量血压', body: '请连续一周每天早晚各测一次血压，测量前静坐 5 分钟，并在 App 中记录。' },
  { title: '用药提醒', body: '请按时按量服药，不要自行停药或加量；如有不适请及时告诉我。' },
  { title: '线下就诊', body: '您的情况建议到医院门诊进一步检查，可以在 App 中预约挂号。' },
  { title: '急症提示', body: '如出现胸痛、呼吸困难、一侧肢体无力或说话不清，请立即拨打 120。' },
];

async function insertMessages(
  tx: Tx,
  c: { id: string; orgId: string; patientAccount: string; doctorId: string; start: number },
  lines: readonly Line[],
  events: { accepted: boolean; closed: boolean; rated: boolean },
  doctorName: string,
): Promise<number> {
  let seq = 0;
  let at = c.start;
  type Row = {
    id: string;
    org_id: string;
    consultation_id: string;
    seq: string;
    created_at: Date;
    client_id: string | null;
    sender_account_id: string | null;
    sender_role: 'patient' | 'doctor' | 'system';
    kind: 'text' | 'event';
    body: string | null;
    event: string | null;
  };
  const rows: Row[] = [];
  const push = (row: Omit<Row, 'seq' | 'created_at' | 'id' | 'org_id' | 'consultation_id'>) => {
    seq += 1;
    at += 3 * MIN;
    rows.push({
      id: uuidv7(),
      org_id: c.orgId,
      consultation_id: c.id,
      seq: String(seq),
      created_at: new Date(at),
      ...row,
    });
  };
  push({
    client_id: null,
    sender_account_id: null,
    sender_role: 'system',
    kind: 'event',
    body: null,
    event: JSON.stringify({ type: 'requested' }),
  });
  if (events.accepted)
    push({
      client_id: null,
      sender_account_id: null,
      sender_role: 'system',
      kind: 'event',
      body: null,
      event: JSON.stringify({ type: 'accepted', by: { id: c.doctorId, name: doctorName } }),
    });
  for (const [i, line] of lines.entries()) {
    const doctor = line.from === 'doctor';
    push({
      client_id: `demo-${c.id.slice(-12)}-${i}`,
      sender_account_id: doctor ? c.doctorId : c.patientAccount,
      sender_role: doctor ? 'doctor' : 'patient',
      kind: 'text',
      body: line.text,
      event: null,
    });
  }
  if (events.closed)
    push({
      client_id: null,
      sender_account_id: null,
      sender_role: 'system',
      kind: 'event',
      body: null,
      event: JSON.stringify({ type: 'closed', by: { id: c.doctorId, name: doctorName } }),
    });
  if (events.rated)
    push({
      client_id: null,
      sender_account_id: null,
      sender_role: 'system',
      kind: 'event',
      body: null,
      event: JSON.stringify({ type: 'rated' }),
    });
  if (rows.length > 0)
    await tx
      .insertInto('consultation_messages')
      .values(rows.map((r) => ({ ...r, attachment_id: null })))
      .execute();
  return seq;
}

export async function seedDemoConsultations(deps: AppDeps, log: Logger): Promise<void> {
  const started = performance.now();
  const { db } = deps;
  const org = await db.selectFrom('orgs').select('id').where('code', '=', DEMO_ORG.code).executeTakeFirst();
  if (!org) return;
  if (await db.selectFrom('consultations').select('id').where('org_id', '=', org.id).executeTakeFirst())
    return;
  const rng = new DemoRandom(20_261_125);
  const now = Date.now();

  const doctors = await sql<{
    id: string;
    name: string;
    email: string;
    department: string;
    department_id: string;
    department_zh: string;
  }>`
    SELECT a.id, a.display_name AS name, a.email, d.code AS department, d.id AS department_id, d.name_zh AS department_zh
      FROM memberships m JOIN accounts a ON a.id = m.account_id JOIN departments d ON d.id = m.department_id
     WHERE m.org_id = ${org.id} AND 'doctor' = ANY (m.roles) AND a.email <> 'mfa@demo.careloop.cn'`.execute(
    db,
  );
  // Patients who sign in themselves (their own account, linked as self).
  const patients = await sql<{ patient_id: string; account_id: string; phone_bidx: string | null }>`
    SELECT l.patient_id, l.account_id, a.phone_bidx FROM patient_links l JOIN accounts a ON a.id = l.account_id
     WHERE l.org_id = ${org.id} AND l.relationship = 'self' AND l.removed_at IS NULL
     ORDER BY l.patient_id LIMIT 400`.execute(db);
  const byPhone = (phone: string) =>
    patients.rows.find((p) => p.phone_bidx === deps.crypto.blindIndex('phone', phone));
  const zhangWei = byPhone(WELL_KNOWN_PHONES.zhangWei);
  const wangFang = byPhone(WELL_KNOWN_PHONES.wangFang);
  const others = patients.rows.filter((p) => p !== zhangWei && p !== wangFang);
  const demoDoctor = doctors.rows.find((d) => d.email === DEMO_DOCTOR_EMAIL);
  if (!demoDoctor || !zhangWei || !wangFang || others.length < 12) return;

  let closed = 0;
  await db.transaction().execute(async (tx) => {
    // Past consultations: three rounds of the cases across patients, so every case's doctor collects ratings.
    for (let round = 0; round < 3; round++) {
      for (const [i, pc] of PAST.entries()) {
        const doctor = doctors.rows.find((d) => d.department === pc.department);
        const patient =
          round === 0 && i === 0 ? zhangWei : others[(round * PAST.length + i) % others.length]!;
        if (!doctor) continue;
        const id = uuidv7();
        const start = now - (5 + round * 17 + i * 3) * DAY - rng.int(0, 600) * MIN;
        const ended = start + (30 + rng.int(0, 60)) * MIN;
        const code = lookupIcd10(pc.icd10)!;
        const diagnoses = [{ code: code.code, display: code.zh }];
        const encounterId = await storeEncounter(tx, {
          orgId: org.id,
          patientId: patient.patient_id,
          kind: 'telehealth',
          startedAt: new Date(start + 5 * MIN),
          endedAt: new Date(ended),
          department: doctor.department_zh,
          practitioner: doctor.name,
          reason: pc.complaint,
          summary: `诊断: ${code.zh} (${code.code})\n建议: ${pc.advice}`,
          diagnoses,
          recordedBy: doctor.id,
          sourceOrg: null,
        });
        const followUpUntil = new Date(ended + 7 * DAY);
        await tx
          .insertInto('consultations')
          .values({
            id,
            org_id: org.id,
            patient_id: patient.patient_id,
            requested_by: patient.account_id,
            doctor_account_id: doctor.id,
            department_id: doctor.department_id,
            status: 'closed',
            chief_complaint: pc.complaint,
            created_at: new Date(start),
            expires_at: new Date(start + 48 * 3_600_000),
            accepted_at: new Date(start + 5 * MIN),
            accepted_by: doctor.id,
            ended_at: new Date(ended),
            ended_by: doctor.id,
            follow_up_until: followUpUntil,
            care_until: followUpUntil,
            diagnoses: JSON.stringify(diagnoses),
            advice: pc.advice,
            follow_up_interval_days: pc.followUpDays,
            encounter_id: encounterId,
            rating_stars: round === 2 ? Math.max(3, pc.stars - 1) : pc.stars,
            rating_comment: round === 0 ? pc.comment : null,
            rated_at: new Date(ended + 2 * 3_600_000),
          })
          .execute();
        const c = { id, orgId: org.id, patientAccount: patient.account_id, doctorId: doctor.id, start };
        const last = await insertMessages(
          tx,
          c,
          pc.lines,
          { accepted: true, closed: true, rated: true },
          doctor.name,
        );
        await tx
          .updateTable('consultations')
          .set({ last_seq: String(last), last_message_at: new Date(ended) })
          .where('id', '=', id)
          .execute();
        await tx
          .insertInto('consultation_participants')
          .values([
            {
              consultation_id: id,
              account_id: patient.account_id,
              role: 'patient',
              added_by: patient.account_id,
              last_delivered_seq: String(last),
              last_read_seq: String(last),
            },
            {
              consultation_id: id,
              account_id: doctor.id,
              role: 'doctor',
              added_by: doctor.id,
              last_delivered_seq: String(last),
              last_read_seq: String(last),
            },
          ])
          .execute();
        closed += 1;
      }
    }

    // 王芳 in an ongoing chat with the demo doctor; the doctor's last answer is not read yet.
    const ongoing = uuidv7();
    const start = now - 50 * MIN;
    await tx
      .insertInto('consultations')
      .values({
        id: ongoing,
        org_id: org.id,
        patient_id: wangFang.patient_id,
        requested_by: wangFang.account_id,
        doctor_account_id: demoDoctor.id,
        department_id: demoDoctor.department_id,
        status: 'active',
        chief_complaint: '这两天心慌，晚上睡不好，血压 145/92。',
        created_at: new Date(start),
        expires_at: new Date(start + 48 * 3_600_000),
        accepted_at: new Date(start + 4 * MIN),
        accepted_by: demoDoctor.id,
        care_until: new Date('9999-12-31T00:00:00Z'),
        diagnoses: null,
      })
      .execute();
    const last = await insertMessages(
      tx,
      { id: ongoing, orgId: org.id, patientAccount: wangFang.account_id, doctorId: demoDoctor.id, start },
      [
        { from: 'doctor', text: '您好，心慌是持续的还是一阵一阵的？有没有胸痛？' },
        { from: 'patient', text: '一阵一阵的，没有胸痛，最近工作压力比较大。' },
        { from: 'doctor', text: '请今晚睡前和明早起床后各测一次血压和心率，在 App 里记录，我明天看结果。' },
      ],
      { accepted: true, closed: false, rated: false },
      demoDoctor.name,
    );
    await tx
      .updateTable('consultations')
      .set({ last_seq: String(last), last_message_at: new Date(start + last * 3 * MIN) })
      .where('id', '=', ongoing)
      .execute();
    await tx
      .insertInto('consultation_participants')
      .values([
        {
          consultation_id: ongoing,
          account_id: wangFang.account_id,
          role: 'patient',
          added_by: wangFang.account_id,
          last_delivered_seq: String(last - 1),
          last_read_seq: String(last - 1),
        },
        {
          consultation_id: ongoing,
          account_id: demoDoctor.id,
          role: 'doctor',
          added_by: demoDoctor.id,
          last_delivered_seq: String(last),
          last_read_seq: String(last),
        },
      ])
      .execute();

    // Two requests waiting in the cardiology pool.
    const waiting = [
      { patient: others[0]!, complaint: '胸口发闷两天，活动后明显，休息能缓解。', minutesAgo: 12 },
      { patient: others[1]!, complaint: '降压药吃完了，想咨询是否需要调整剂量。', minutesAgo: 35 },
    ];
    for (const w of waiting) {
      const id = uuidv7();
      const at = now - w.minutesAgo * MIN;
      await tx
        .insertInto('consultations')
        .values({
          id,
          org_id: org.id,
          patient_id: w.patient.patient_id,
          requested_by: w.patient.account_id,
          doctor_account_id: null,
          department_id: demoDoctor.department_id,
          status: 'requested',
          chief_complaint: w.complaint,
          created_at: new Date(at),
          expires_at: new Date(at + 48 * 3_600_000),
          diagnoses: null,
          last_seq: '1',
          last_message_at: new Date(at),
        })
        .execute();
      await tx
        .insertInto('consultation_messages')
        .values({
          id: uuidv7(),
          org_id: org.id,
          consultation_id: id,
          seq: '1',
          client_id: null,
          sender_account_id: null,
          sender_role: 'system',
          kind: 'event',
          body: null,
          attachment_id: null,
          event: JSON.stringify({ type: 'requested' }),
          created_at: new Date(at),
        })
        .execute();
      await tx
        .insertInto('consultation_participants')
        .values({
          consultation_id: id,
          account_id: w.patient.account_id,
          role: 'patient',
          added_by: w.patient.account_id,
        })
        .execute();
    }

    await tx
      .insertInto('consultation_quick_replies')
      .values(
        QUICK_REPLIES.map((q, i) => ({
          id: uuidv7(),
          org_id: org.id,
          account_id: null,
          title: q.title,
          body: q.body,
          sort: i,
          created_by: demoDoctor.id,
        })),
      )
      .execute();
  });
  log.info({ closed, ms: Math.round(performance.now() - started) }, 'demo consultations created');
}
