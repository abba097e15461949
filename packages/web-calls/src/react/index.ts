// The call screens both apps show (the consultation's call screen and the incoming-call banner), in React, with
// their stylesheet and strings. What differs per app comes in through CallBindings (its realtime socket, HTTP
// client, router link and icons) and the components' props (routes, the app's own toolbar buttons and dialogs);
// app-specific looks through CSS variables (see call.css).
export type {
  CallBindings,
  CallCommandName,
  CallCommands,
  CallEventOf,
  CallEventType,
  CallIcon,
  CallLink,
} from './bindings.ts';
export { CallControls } from './call-controls.tsx';
export { CallScreen, useCallTitle, type CallCounterpart, type CallScreenProps } from './call-screen.tsx';
export { CallVideo } from './call-video.tsx';
export { IncomingCallBanner } from './incoming-call-banner.tsx';
export { callMessages, enUSCall, zhCNCall, type CallAppMessages, type CallMessages } from './messages.ts';
export { useCallController } from './use-call-controller.ts';
