import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { DOCTOR, signInToConsole } from './support/console.ts';
import { consoleText } from './support/i18n.ts';
import { PASSWORD, WANG_FANG, ZHANG_WEI, setPreferences } from './support/patient.ts';
import { chooseOption, clickOption } from './support/select.ts';

// Scheduling in the console: 王建国 opens today's queue; patients booked and checked in through the API appear
// in it live; he calls the next one in, marks him done, calls the next and marks her a no-show. At the check-in
// desk a booked patient is found by name and checked in with one click. The schedules editor refuses a session
// that overlaps one he already has, and says so on the time fields. Each screen passes axe.

const browser = useBrowser();
const zh = consoleText['zh-CN'];

interface Session {
  call: APIRequestContext;
  csrf: string;
}
interface Slot {
  id: string;
  sessionId: string;
  startsAt: string;
  free: number;
}
interface Bookable {
  patientId: string;
  name: string;
  api: Session;
}

let doctor: Session & { accountId: string };
const patients: Session[] = [];
let timeZone: string;
let template: { weekday: number; startTime: string; endTime: string };
let sessionMinutes = 40;
let sessionId: string;
let slots: Slot[];
const booked: { appointmentId: string; patientId: string; name: string; version: number }[] = [];
const candidates: Bookable[] = [];

async function signIn(identifier: string): Promise<Session & { accountId: string }> {
  const call = await request.newContext({ baseURL: baseUrl() });
  const login = await call.post('/api/v1/auth/login', { data: { identifier, password: PASSWORD } });
  expect(login.status(), `sign-in of ${identifier}`).toBe(200);
  const me = (await login.json()) as { csrfToken: string; accountId: string };
  return { call, csrf: me.csrfToken, accountId: me.accountId };
}

async function post<T>(session: Session, path: string, data: unknown): Promise<{ status: number; body: T }> {
  const res = await session.call.post(`/api/v1${path}`, {
    data,
    headers: { 'x-csrf-token': session.csrf, 'idempotency-key': crypto.randomUUID() },
  });
  return { status: res.status(), body: (await res.json()) as T };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function partsIn(zone: string, date: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * A session of up to 40 minutes for 王建国 later today (in the clinic's time zone), at the first time that does not overlap a
 * session he already has: its slots all start in the future, so they can be booked now.
 */
async function createTodaysSession(): Promise<void> {
  const probe = await doctor.call.get('/api/v1/scheduling/day', {
    params: { date: new Date().toISOString().slice(0, 10) },
  });
  timeZone = ((await probe.json()) as { timeZone: string }).timeZone;
  const now = partsIn(timeZone, new Date());
  const weekday = new Date(`${now.day}T12:00:00Z`).getUTCDay() || 7;
  // At least 5 minutes ahead, so the first slot has not begun by the time the journey books it.
  let start = now.minutes - (now.minutes % 5) + 10;
  // 40 minutes of 10-minute slots, or what is left of the day late at night: at least two slots, of 5 minutes in
  // the day's last half hour.
  const slotAt = (from: number) => (23 * 60 + 59 - from >= 20 ? 10 : 5);
  const lengthAt = (from: number) =>
    Math.min(40, Math.floor((23 * 60 + 59 - from) / slotAt(from)) * slotAt(from));
  while (lengthAt(start) >= 2 * slotAt(start)) {
    sessionMinutes = lengthAt(start);
    const body = {
      doctorId: doctor.accountId,
      weekday,
      startTime: clock(start),
      endTime: clock(start + sessionMinutes),
      slotMinutes: slotAt(start),
      capacity: 3,
      mode: 'in_person',
      feeFen: 1500,
    };
    const created = await post<{ id: string }>(doctor, '/scheduling/templates', body);
    if (created.status === 201) {
      template = { weekday, startTime: body.startTime, endTime: body.endTime };
      break;
    }
    expect(created.status, JSON.stringify(created.body)).toBe(409);
    start += sessionMinutes + 10;
  }
  expect(template, 'no free 10 minutes left today for a session').toBeDefined();
  const day = (await (
    await doctor.call.get('/api/v1/scheduling/day', { params: { date: now.day, doctorId: doctor.accountId } })
  ).json()) as { sessions: { id: string; startsAt: string }[] };
  const session = day.sessions.find((s) => partsIn(timeZone, new Date(s.startsAt)).minutes === start);
  expect(session, 'the new session is in today’s day view').toBeDefined();
  sessionId = session!.id;
  const answer = (await (
    await doctor.call.get(`/api/v1/scheduling/doctors/${doctor.accountId}/slots`, {
      params: { from: new Date().toISOString() },
    })
  ).json()) as { items: Slot[] };
  slots = answer.items.filter((s) => s.sessionId === sessionId);
  expect(slots.length).toBeGreaterThan(0);
}

/** Books the next patient (of the demo families) who has no booking with 王建国 today yet. */
async function book(): Promise<{ appointmentId: string; patientId: string; name: string; version: number }> {
  while (candidates.length > 0) {
    const next = candidates.shift()!;
    const slot = slots.find((s) => s.free > 0 && Date.parse(s.startsAt) > Date.now() + 60_000);
    if (!slot) throw new Error('no slot of the session left to book');
    const made = await post<{ id: string; version: number; status: string }>(next.api, '/appointments', {
      patientId: next.patientId,
      slotId: slot.id,
    });
    if (made.status === 201) {
      slot.free -= 1;
      const appointment = {
        appointmentId: made.body.id,
        patientId: next.patientId,
        name: next.name,
        version: made.body.version,
      };
      booked.push(appointment);
      return appointment;
    }
    // Another journey may have booked this person with him today already: one booking per doctor and day.
    expect(made.status, JSON.stringify(made.body)).toBe(409);
  }
  throw new Error('no demo patient left to book');
}

async function checkInByApi(appointment: { appointmentId: string }): Promise<void> {
  const done = await post<{ status: string }>(
    doctor,
    `/appointments/${appointment.appointmentId}/check-in`,
    {},
  );
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body.status).toBe('checked_in');
}

beforeAll(async () => {
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  doctor = await signIn(DOCTOR.email);
  await createTodaysSession();
  for (const account of [ZHANG_WEI, WANG_FANG]) {
    const session = await signIn(account.phone);
    patients.push(session);
    const mine = (await (await session.call.get('/api/v1/me/patients')).json()) as {
      items: { patient: { id: string; name: string }; scopes: string[]; via: string }[];
    };
    for (const item of mine.items) {
      candidates.push({ patientId: item.patient.id, name: item.patient.name, api: session });
    }
  }
});

afterAll(async () => {
  await doctor?.call.dispose();
  for (const p of patients) await p.call.dispose();
});

function entry(page: Page, appointmentId: string) {
  return page.locator(`[data-testid="queue-entry"][data-appointment-id="${appointmentId}"]`);
}

async function openSessionQueue(page: Page): Promise<void> {
  await page.getByTestId('nav-queue').click();
  await page.waitForURL('**/console/queue');
  await expectAccessible(page, 'queue-today');
  // Today's queue opens on the session running now or next; ours is reached from the day view.
  await page.getByTestId('nav-appointments').click();
  await page.waitForURL('**/console/appointments**');
  const card = page.locator(`[data-testid="day-session"][data-session-id="${sessionId}"]`);
  await card.waitFor();
  await expectAccessible(page, 'appointments-day');
  await card.getByTestId('day-open-queue').click();
  await page.waitForURL(`**/console/queue/${sessionId}`);
  await page.getByTestId('queue-board').waitFor();
  await eventually(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('connected');
}

describe('scheduling in the console', () => {
  it('shows patients joining the queue live; the doctor calls them in, marks done and no-show', async () => {
    await journey(browser(), 'scheduling-queue', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'scheduling-login');
      await openSessionQueue(page);
      await expectAccessible(page, 'queue-empty');

      // A patient booked and checked in (at the desk, through the API) appears without a reload.
      const first = await book();
      await checkInByApi(first);
      await entry(page, first.appointmentId).waitFor({ timeout: 5_000 });
      expect(await entry(page, first.appointmentId).innerText()).toContain(first.name);
      await expectAccessible(page, 'queue-waiting');

      await page.getByTestId('queue-call-next').click();
      const called = page.locator(
        `[data-testid="queue-called"][data-appointment-id="${first.appointmentId}"]`,
      );
      await called.waitFor();
      expect(await called.getByTestId('queue-called-name').innerText()).toBe(first.name);
      await screenshot(page, 'scheduling-queue-called');
      await expectAccessible(page, 'queue-called');

      await called.getByTestId('queue-done').click();
      await called.waitFor({ state: 'detached' });
      await eventually(() => page.getByTestId('queue-count-done').innerText()).toContain('1');

      // The next one is called and does not come: a no-show, after the confirmation.
      const second = await book();
      await checkInByApi(second);
      await entry(page, second.appointmentId).waitFor({ timeout: 5_000 });
      await page.getByTestId('queue-call-next').click();
      const calledSecond = page.locator(
        `[data-testid="queue-called"][data-appointment-id="${second.appointmentId}"]`,
      );
      await calledSecond.waitFor();
      await calledSecond.getByTestId('queue-no-show').click();
      await page.getByTestId('queue-no-show-confirm').click();
      await calledSecond.waitFor({ state: 'detached' });
      await eventually(() => page.getByTestId('queue-count-no-show').innerText()).toContain('1');
      await page.locator('.queue-finished summary').click();
      await eventually(() =>
        page
          .getByTestId('queue-finished')
          .locator(`[data-appointment-id="${second.appointmentId}"]`)
          .getAttribute('data-state'),
      ).toBe('no_show');
      await screenshot(page, 'scheduling-queue-after');
    });
  });

  it('checks a booked patient in at the desk with one click', async () => {
    const third = await book();
    await journey(browser(), 'scheduling-desk', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'scheduling-desk-login');
      await page.getByTestId('nav-front-desk').click();
      await page.waitForURL('**/console/front-desk');
      await page.getByTestId('desk-list').waitFor();
      await expectAccessible(page, 'front-desk');

      await page.getByTestId('desk-search').locator('input').fill(third.name);
      const row = page.locator(`[data-testid="desk-row"][data-appointment-id="${third.appointmentId}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-stage')).toBe('booked');
      await row.getByTestId('desk-check-in').click();
      await eventually(() => row.getAttribute('data-stage')).toBe('checked_in');
      await row.getByTestId('desk-queue-number').waitFor();
      await screenshot(page, 'scheduling-desk');
      await expectAccessible(page, 'front-desk-checked-in');

      // A walk-in, registered a moment ago: the desk finds them, takes a free time of today and checks them in.
      const registered = await post<{ id: string; name: string }>(doctor, '/patients', {
        name: '钱晓东',
        sex: 'male',
        birthDate: '1985-04-02',
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      const walkIn = registered.body;
      await page.getByTestId('desk-book-open').click();
      await page.locator('#desk-book-patient').fill(walkIn.name);
      await clickOption(page, walkIn.name);
      await chooseOption(
        page,
        page.locator('.ant-select', { has: page.locator('#desk-book-doctor') }),
        DOCTOR.name,
      );
      await page.getByTestId('slot-picker-time').first().click();
      await page.getByTestId('desk-book-walk-in').check();
      await expectAccessible(page, 'front-desk-book');
      await screenshot(page, 'scheduling-desk-book');
      await page.getByTestId('desk-book-submit').click();
      await page.getByText(`已为 ${walkIn.name} 预约并签到`).waitFor();
      await page.getByTestId('desk-search').locator('input').fill(walkIn.name);
      await eventually(() =>
        page
          .getByTestId('desk-row')
          .filter({ hasText: walkIn.name })
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage'))),
      ).toContain('checked_in');
    });
  });

  it('refuses a session overlapping one the doctor has, on the time fields', async () => {
    await journey(browser(), 'scheduling-editor', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'scheduling-editor-login');
      await page.getByTestId('nav-schedules').click();
      await page.waitForURL('**/console/schedules');
      const column = page.locator(`[data-testid="schedule-day"][data-weekday="${template.weekday}"]`);
      await column.getByTestId('schedule-template').first().waitFor();
      await expectAccessible(page, 'schedules');

      await column.getByTestId('schedule-add-day').click();
      const form = page.getByTestId('template-form');
      await form.waitFor();
      await page.getByTestId('template-start').fill(template.startTime);
      await page.getByTestId('template-end').fill(template.endTime);
      await page.getByTestId('template-slot').fill('10');
      // The preview counts the slots as the form is filled in: the session's minutes in 10-minute slots.
      await eventually(() => page.getByTestId('template-preview-summary').innerText()).toContain(
        `共 ${Math.floor(sessionMinutes / 10)} 个号源`,
      );
      await page.getByTestId('template-save').click();

      const startItem = form.locator('.ant-form-item').filter({ has: page.getByTestId('template-start') });
      // The server's refusal, in the console's language, under the start time.
      await eventually(() => startItem.locator('.ant-form-item-explain').innerText()).toContain(
        '与该医生的其他出诊时段重叠',
      );
      expect(await page.getByRole('dialog').getByText(zh.scheduling.template.createTitle).count()).toBe(1);
      await screenshot(page, 'scheduling-overlap');
      await expectAccessible(page, 'schedules-overlap');
      // The form stays open with what was typed, to be corrected.
      expect(await page.getByTestId('template-start').inputValue()).toBe(template.startTime);
    });
  });
});
