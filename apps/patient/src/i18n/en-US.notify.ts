import type { zhCNNotify } from './zh-CN.notify.ts';

/** English strings of the notification settings; spread into en-US.ts. */
export const enUSNotify: typeof zhCNNotify = {
  notifySettings: {
    title: 'Notification settings',
    saved: 'Notification settings saved',
    device: {
      title: 'Push on this device',
      enable: 'Receive push on this device',
      disable: 'Turn off push on this device',
      deniedHelp:
        'The browser blocks notifications from this site. Allow notifications for CareLoop in the browser or system settings, then try again.',
      state: {
        on: 'Push is on: this device alerts you even when CareLoop is closed.',
        off: 'Push is off on this device.',
        supported: 'Push is off on this device.',
        declined: 'You did not allow notifications, so this device gets no push.',
        denied: 'The browser blocks notifications.',
        unsupported:
          'This browser cannot receive push. Add CareLoop to your home screen, or use a browser that supports push.',
      },
    },
    channelsTitle: 'Which news reaches you how',
    channelsHelp:
      'Everything appears in your CareLoop notifications; choose how else each kind of news should reach you.',
    categories: {
      consultation: 'Consultation messages',
      appointment: 'Appointments',
      medication: 'Medication reminders',
      monitoring: 'Health monitoring alerts',
      follow_up: 'Follow-up and reports',
      system: 'System notices',
    },
    channels: { push: 'Push', email: 'Email', sms: 'SMS', wechat: 'WeChat' },
    unreachable: {
      push: 'not on for this device',
      email: 'no email address',
      sms: 'no mobile number',
      wechat: 'WeChat not linked',
    },
    quiet: {
      title: 'Quiet hours',
      help: 'Alerts during these hours are sent when they end; urgent health alerts (such as critical results) still come at once.',
      switch: 'Use quiet hours',
      start: 'Starts',
      end: 'Ends',
      timeZone: 'In {{zone}} time',
    },
  },
};
