import { callMessages, zhCNCall as shared } from '@careloop/web-calls/react';

/** Chinese strings of the call screen and the incoming-call banner (web-calls' with the console's); into zh-CN.ts. */
export const zhCNCall = {
  call: {
    ...callMessages(shared, {
      titleWith: '与{{name}}通话',
      backToChat: '返回问诊工作台',
      consultationStateError: '接诊后才能通话',
    }).call,
    invite: '邀请第三方',
  },
};
export type CallMessages = typeof zhCNCall;
