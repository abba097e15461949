/** Chinese strings of the notification settings (通知设置); spread into zh-CN.ts. */
export const zhCNNotify = {
  notifySettings: {
    title: '通知设置',
    saved: '通知设置已保存',
    device: {
      title: '本机推送',
      enable: '在本机接收推送',
      disable: '关闭本机推送',
      deniedHelp: '浏览器已禁止本站发送通知。请在浏览器或系统设置中允许 CareLoop 的通知后再试。',
      state: {
        on: '本机已开启推送：即使没打开 CareLoop，也会在手机上提醒你。',
        off: '本机未开启推送。',
        supported: '本机未开启推送。',
        declined: '你没有允许通知，本机不会收到推送。',
        denied: '浏览器已禁止通知。',
        unsupported: '这个浏览器不支持推送。请把 CareLoop 添加到主屏幕，或换用支持推送的浏览器。',
      },
    },
    channelsTitle: '哪些消息通过哪些方式提醒',
    channelsHelp: '所有消息都会出现在 CareLoop 的消息通知中；这里选择还通过哪些方式提醒你。',
    categories: {
      consultation: '问诊消息',
      appointment: '预约挂号',
      medication: '用药提醒',
      monitoring: '健康监测预警',
      follow_up: '随访与报告',
      system: '系统通知',
    },
    channels: { push: '推送', email: '邮件', sms: '短信', wechat: '微信' },
    unreachable: {
      push: '本机未开启',
      email: '未设置邮箱',
      sms: '未设置手机号',
      wechat: '未绑定微信',
    },
    quiet: {
      title: '免打扰时段',
      help: '这段时间内的提醒会在结束后再发送；紧急的健康预警（如危急值）仍会立即提醒。',
      switch: '开启免打扰时段',
      start: '开始时间',
      end: '结束时间',
      timeZone: '按 {{zone}} 时间',
    },
  },
};
