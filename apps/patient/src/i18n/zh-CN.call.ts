import { callMessages, zhCNCall as shared } from '@careloop/web-calls/react';

/** Chinese strings of the call screen and the incoming-call banner (web-calls' with the patient's); into zh-CN.ts. */
export const zhCNCall = callMessages(shared, {
  titleWith: '与{{name}}医生通话',
  backToChat: '返回问诊',
  consultationStateError: '医生接诊后才能通话',
});
export type CallMessages = typeof zhCNCall;
