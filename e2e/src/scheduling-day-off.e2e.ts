import { request, type APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { DOCTOR, signInToConsole } from './support/console.ts';
import { PASSWORD, ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';

// A day off that cancels a booked visit does not leave the patient to start again: 张伟 has a visit with 王建国
// more than a week ahead; 王建国 enters a day off for that date in the schedules editor, the console says how
// many bookings were cancelled and how many patients were offered another place; on his phone 张伟 opens the
// notice, sees the doctor's earliest free place held for him and until when, and takes it with one tap.

const browser = useBrowser();
const PHONE = { width: 375, height: 812 };

interface Session {
  call: APIRequestContext;
  csrf: string;
  accountId: string;
}
interface Slot {
  id: string;
  startsAt: string;
  mode: 'in_person' | 'online';
  free: number;
}

let doctor: Session;
let patient: Session;
let timeZone: string;
let dayOff = '';
let exceptionId: string | null = null;
let rebookedId: string | null = null;

async function signIn(identifier: string): Promise<Session> {
  const call = await request.newContext({ baseURL: baseUrl() });
  const login = await call.post('/api/v1/auth/login', { data: { identifier, password: PASSWORD } });
  expect(login.status(), `sign-in of ${identifier}`).toBe(200);
  const me = (await login.json()) as { csrfToken: string; accountId: string };
  return { call, csrf: me.csrfToken, accountId: me.accountId };
}

const write = (s: Session) => ({ 'x-csrf-token': s.csrf, 'idempotency-key': crypto.randomUUID() });

function dayIn(zone: string, iso: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** Books 张伟 into 王建国's first free in-person place at least 8 days ahead, on a day he has no visit with him. */
async function bookAWeekAhead(patientId: string): Promise<void> {
  const from = new Date(Date.now() + 8 * 86_400_000).toISOString();
  const answer = await doctor.call.get(`/api/v1/scheduling/doctors/${doctor.accountId}/slots`, {
    params: { from },
  });
  expect(answer.status()).toBe(200);
  const slots = ((await answer.json()) as { items: Slot[] }).items.filter(
    (s) => s.mode === 'in_person' && s.free > 0,
  );
  for (const slot of slots) {
    const made = await patient.call.post('/api/v1/appointments', {
      data: { patientId, slotId: slot.id },
      headers: write(patient),
    });
    if (made.status() === 201) {
      dayOff = dayIn(timeZone, slot.startsAt);
      return;
    }
    expect([409, 422], await made.text()).toContain(made.status());
  }
  throw new Error('王建国 has no free in-person place a week ahead to book');
}

beforeAll(async () => {
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  doctor = await signIn(DOCTOR.email);
  patient = await signIn(ZHANG_WEI.phone);
  const probe = await doctor.call.get('/api/v1/scheduling/day', {
    params: { date: new Date().toISOString().slice(0, 10) },
  });
  timeZone = ((await probe.json()) as { timeZone: string }).timeZone;
  const mine = (await (await patient.call.get('/api/v1/me/patients')).json()) as {
    items: { patient: { id: string; name: string } }[];
  };
  const self = mine.items.find((i) => i.patient.name === ZHANG_WEI.name);
  expect(self, '张伟 manages his own profile').toBeDefined();
  await bookAWeekAhead(self!.patient.id);
});

afterAll(async () => {
  // Leave the demo as it was: the visit taken from the offer is cancelled and the day off withdrawn.
  if (rebookedId)
    await patient.call.post(`/api/v1/appointments/${rebookedId}/cancel`, {
      data: {},
      headers: write(patient),
    });
  if (exceptionId)
    await doctor.call.delete(`/api/v1/scheduling/exceptions/${exceptionId}`, { headers: write(doctor) });
  await doctor?.call.dispose();
  await patient?.call.dispose();
});

describe('a day off', () => {
  it('cancels the visit, holds the earliest free place for the patient, and he takes it on his phone', async () => {
    await journey(browser(), 'scheduling-day-off', async ({ desktop, phone }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'day-off-login');
      await page.getByTestId('nav-schedules').click();
      await page.waitForURL('**/console/schedules');
      await page.getByTestId('exception-add').click();
      await page.getByTestId('exception-date').fill(dayOff);
      await page.getByText('为每位患者保留该医生其他日期最早的空号').waitFor();
      await expectAccessible(page, 'day-off-form');
      await page.getByTestId('exception-save').click();
      // The console says how many visits were cancelled and how many patients were offered another place.
      await page
        .getByText(/已取消 \d+ 个预约并通知患者（其中 [1-9]\d* 位已为其保留其他日期的号源）/)
        .waitFor();
      await screenshot(page, 'scheduling-day-off-saved');
      const exceptions = (await (
        await doctor.call.get('/api/v1/scheduling/exceptions', {
          params: { doctorId: doctor.accountId, from: dayOff, to: dayOff },
        })
      ).json()) as { items: { id: string; kind: string }[] };
      exceptionId = exceptions.items.find((e) => e.kind === 'off')?.id ?? null;
      expect(exceptionId).not.toBeNull();

      const mobile = await phone('zh-CN');
      await mobile.setViewportSize(PHONE);
      await signInWithPassword(mobile, ZHANG_WEI, 'zh-CN', 'day-off-patient-login');
      await mobile.goto('/notifications');
      await mobile
        .getByTestId('notification-item')
        .filter({ hasText: '医生停诊，已为您保留新的号源' })
        .first()
        .click();
      await mobile.waitForURL(/\/appointments\/waitlist\/[0-9a-f-]{36}$/);
      await mobile.getByTestId('offer-card').waitFor();
      expect(await mobile.getByTestId('offer-body').innerText()).toContain(
        '医生在您就诊当天停诊，原预约已取消',
      );
      expect(await mobile.getByText('停诊改约').count()).toBeGreaterThan(0);
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the offer fits a 375 px phone').toBeLessThanOrEqual(0);
      await expectAccessible(mobile, 'day-off-offer');
      await screenshot(mobile, 'scheduling-day-off-offer');
      await mobile.getByTestId('offer-accept').click();
      await mobile.waitForURL(/\/appointments\/[0-9a-f-]{36}\?done=booked$/);
      rebookedId = /\/appointments\/([0-9a-f-]{36})/.exec(mobile.url())![1]!;
      const visit = (await (await patient.call.get(`/api/v1/appointments/${rebookedId}`)).json()) as {
        status: string;
        doctor: { id: string };
        startsAt: string;
      };
      expect(visit.status).toBe('booked');
      expect(visit.doctor.id).toBe(doctor.accountId);
      expect(dayIn(timeZone, visit.startsAt)).not.toBe(dayOff);
      await eventually(() => mobile.getByText(DOCTOR.name).count()).toBeGreaterThan(0);
      await screenshot(mobile, 'scheduling-day-off-booked');
    });
  });
});
