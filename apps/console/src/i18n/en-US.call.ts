import { callMessages, enUSCall as shared } from '@careloop/web-calls/react';
import type { CallMessages } from './zh-CN.call';

/** English strings of the call screen and the incoming-call banner (web-calls' with the console's); into en-US.ts. */
export const enUSCall: CallMessages = {
  call: {
    ...callMessages(shared, {
      titleWith: 'Call with {{name}}',
      backToChat: 'Back to the consultation',
      consultationStateError: 'Calls are possible once the consultation is accepted',
    }).call,
    invite: 'Invite',
  },
};
