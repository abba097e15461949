import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { patientText } from './support/i18n.ts';
import { WANG_FANG, setPreferences, signInWithPassword } from './support/patient.ts';

const browser = useBrowser();

// The app follows the account's language; set it rather than rely on the journeys that ran before.
beforeAll(async () => {
  await setPreferences(WANG_FANG.phone, { locale: 'zh-CN', elderMode: false });
});

describe('notification settings on a phone', () => {
  it('王芳 chooses SMS for monitoring alerts and quiet hours, and her service worker shows a push', async () => {
    await journey(browser(), 'notify-settings', async ({ phone }) => {
      const page = await phone('zh-CN');
      const zh = patientText['zh-CN'].notifySettings;
      await page.context().grantPermissions(['notifications']);
      await signInWithPassword(page, WANG_FANG, 'zh-CN', 'notify-login');

      await page.getByTestId('tab-me').locator('a').click();
      await page.getByTestId('me-notifications').click();
      await page.waitForURL('**/me/notifications');
      await page.getByTestId('category-monitoring').waitFor();
      await expectAccessible(page, 'notify-settings');

      // Start from no quiet hours whatever an earlier run saved.
      if ((await page.getByTestId('quiet-switch').getAttribute('aria-checked')) === 'true') {
        await page.getByTestId('quiet-switch').click();
      }
      const sms = page.getByTestId('channel-monitoring-sms');
      if (!(await sms.isChecked())) await sms.check();
      await page.getByTestId('quiet-switch').click();
      await page.getByTestId('quiet-start').fill('21:30');
      await page.getByTestId('quiet-end').fill('06:45');
      await expectAccessible(page, 'notify-settings-quiet');
      await page.getByTestId('notify-save').click();
      await eventually(() => page.getByText(zh.saved).count()).toBe(1);
      await screenshot(page, 'notify-settings-saved');

      await page.reload();
      await page.getByTestId('quiet-start').waitFor();
      expect(await page.getByTestId('quiet-start').inputValue()).toBe('21:30');
      expect(await page.getByTestId('quiet-end').inputValue()).toBe('06:45');
      expect(await page.getByTestId('channel-monitoring-sms').isChecked()).toBe(true);

      // The service worker's push handler, fed a push through the DevTools protocol as a push service would.
      const registrationId = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.scriptURL ?? '';
      });
      expect(registrationId).toContain('/sw.js');
      const cdp = await page.context().newCDPSession(page);
      const registered = new Promise<string>((resolve) => {
        cdp.on(
          'ServiceWorker.workerRegistrationUpdated',
          (event: { registrations: { registrationId: string; scopeURL: string }[] }) => {
            const found = event.registrations.find((r) => r.scopeURL.endsWith('/'));
            if (found) resolve(found.registrationId);
          },
        );
      });
      await cdp.send('ServiceWorker.enable');
      const origin = new URL(page.url()).origin;
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin,
        registrationId: await registered,
        data: JSON.stringify({
          id: 'e2e-push',
          kind: 'monitoring_alert',
          title: '请立即处理：血糖过低',
          body: '请立即吃 15 克糖。',
          url: `${origin}/monitoring`,
          urgent: true,
        }),
      });
      await eventually(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          const shown = await registration.getNotifications();
          return shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
        }),
      ).toEqual([{ title: '请立即处理：血糖过低', body: '请立即吃 15 克糖。', tag: 'e2e-push' }]);
    });
  });
});
