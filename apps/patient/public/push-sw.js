/* Web push for the CareLoop patient app, imported by the generated service worker (vite.config.ts).
   A push carries { id, kind, title, body, url, urgent } (see the server's notifications templates). */
/* global self, URL */

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'CareLoop';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      // One entry per notification: a repeated push replaces it instead of stacking.
      tag: typeof data.id === 'string' ? data.id : undefined,
      // An urgent health alert stays until the person acts on it.
      requireInteraction: data.urgent === true,
      data: { url: typeof data.url === 'string' ? data.url : '/notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  let target = new URL('/notifications', self.location.origin);
  try {
    const asked = new URL(event.notification.data && event.notification.data.url, self.location.origin);
    // Only links into this app are opened.
    if (asked.origin === self.location.origin) target = asked;
  } catch {
    // keep the inbox
  }
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin !== self.location.origin) continue;
        await client.focus();
        if ('navigate' in client) await client.navigate(target.href);
        return;
      }
      await self.clients.openWindow(target.href);
    })(),
  );
});
