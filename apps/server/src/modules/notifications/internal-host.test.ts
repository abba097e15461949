import { describe, expect, it } from 'vitest';
import { isInternalHost } from './preferences.service.ts';

describe('push endpoints inside the network are refused', () => {
  it.each([
    'localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '[::1]',
    '[fd00::1]',
    '[fe80::1]',
    '[::ffff:10.0.0.1]',
    'printer.local',
    'his.internal',
  ])('%s is internal', (host) => expect(isInternalHost(host)).toBe(true));
  it.each([
    'fcm.googleapis.com',
    'updates.push.services.mozilla.com',
    'web.push.apple.com',
    '8.8.8.8',
    '172.32.0.1',
    '[2001:db8::1]',
  ])('%s is not', (host) => expect(isInternalHost(host)).toBe(false));
});
