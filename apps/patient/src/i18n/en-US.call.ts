import { callMessages, enUSCall as shared } from '@careloop/web-calls/react';
import type { CallMessages } from './zh-CN.call.ts';

/** English strings of the call screen and the incoming-call banner (web-calls' with the patient's); into en-US.ts. */
export const enUSCall: CallMessages = callMessages(shared, {
  titleWith: 'Call with Dr. {{name}}',
  backToChat: 'Back to the chat',
  consultationStateError: 'Calls are possible once a doctor has accepted',
});
