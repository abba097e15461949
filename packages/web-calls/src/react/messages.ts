// The call screen's and the incoming-call banner's strings, for both apps to spread into their i18n resources.
// Each app adds, in its own words, `call.titleWith` ({{name}} is the other side), `call.backToChat` and
// `call.errors.CONSULTATION_STATE`; see CallAppMessages.

/** Chinese. */
export const zhCNCall = {
  call: {
    title: '视频问诊',
    stage: '通话画面',
    controls: '通话控制',
    other: '对方',
    remoteVideo: '{{name}}的画面',
    localVideo: '我的画面',
    startVideo: '发起视频通话',
    startAudio: '发起语音通话',
    callAgain: '再次视频通话',
    answer: '接听',
    decline: '拒绝',
    join: '加入通话',
    hangUp: '挂断',
    cancel: '取消呼叫',
    mute: '静音',
    unmute: '取消静音',
    cameraOff: '关闭摄像头',
    cameraOn: '打开摄像头',
    switchCamera: '切换摄像头',
    status: {
      incoming: '{{name}}邀请您视频通话',
      incomingAudio: '{{name}}邀请您语音通话',
      joinable: '通话正在进行，您可以加入',
      starting: '正在打开摄像头和麦克风…',
      outgoing: '正在呼叫，等待对方接听…',
      joining: '正在接通…',
      connecting: '正在连接…',
      reconnecting: '网络不稳定，正在重新连接…',
      duration: '通话中 {{time}}',
    },
    ended: {
      hangup: '通话已结束',
      declined: '对方已拒绝',
      missed: '无人接听',
      failed: '通话中断',
    },
    errors: {
      media: '无法打开摄像头或麦克风，您仍能看到和听到对方。请在浏览器设置中允许使用摄像头和麦克风。',
      CONSULTATION_CALL_BUSY: '本次问诊中已有通话在进行',
      CONSULTATION_CLOSED: '问诊已结束，无法通话',
      CONSULTATION_CALL_NOT_FOUND: '通话已结束',
      OFFLINE: '网络未连接，请稍后再试',
      generic: '暂时无法通话，请稍后再试',
    },
    banner: {
      title: '视频来电',
      titleAudio: '语音来电',
      body: '{{name}}正在呼叫您',
    },
  },
};

/** The keys of the shared strings. */
export type CallMessages = typeof zhCNCall;

/** The strings each app words for itself, which the call screen uses beside the shared ones. */
export interface CallAppMessages {
  titleWith: string;
  backToChat: string;
  consultationStateError: string;
}

/** English. */
export const enUSCall: CallMessages = {
  call: {
    title: 'Video consultation',
    stage: 'Call video',
    controls: 'Call controls',
    other: 'Other person',
    remoteVideo: "{{name}}'s video",
    localVideo: 'Your camera',
    startVideo: 'Start a video call',
    startAudio: 'Start a voice call',
    callAgain: 'Call again',
    answer: 'Answer',
    decline: 'Decline',
    join: 'Join the call',
    hangUp: 'Hang up',
    cancel: 'Cancel call',
    mute: 'Mute',
    unmute: 'Unmute',
    cameraOff: 'Camera off',
    cameraOn: 'Camera on',
    switchCamera: 'Switch camera',
    status: {
      incoming: '{{name}} is calling you (video)',
      incomingAudio: '{{name}} is calling you (voice)',
      joinable: 'A call is going on; you can join',
      starting: 'Opening the camera and microphone…',
      outgoing: 'Calling, waiting for an answer…',
      joining: 'Connecting the call…',
      connecting: 'Connecting…',
      reconnecting: 'Unstable network, reconnecting…',
      duration: 'In call {{time}}',
    },
    ended: {
      hangup: 'Call ended',
      declined: 'The call was declined',
      missed: 'No answer',
      failed: 'The call dropped',
    },
    errors: {
      media:
        'The camera or microphone could not be opened; you can still see and hear the other side. Allow camera and microphone in the browser settings.',
      CONSULTATION_CALL_BUSY: 'A call is already going on in this consultation',
      CONSULTATION_CLOSED: 'The consultation has ended; calls are no longer possible',
      CONSULTATION_CALL_NOT_FOUND: 'The call has ended',
      OFFLINE: 'No connection; try again in a moment',
      generic: 'The call is not possible right now; try again later',
    },
    banner: {
      title: 'Incoming video call',
      titleAudio: 'Incoming voice call',
      body: '{{name}} is calling you',
    },
  },
};

/** The shared strings of one language with the app's own: what the app spreads into its i18n resources. */
export function callMessages(shared: CallMessages, own: CallAppMessages) {
  return {
    call: {
      ...shared.call,
      titleWith: own.titleWith,
      backToChat: own.backToChat,
      errors: { ...shared.call.errors, CONSULTATION_STATE: own.consultationStateError },
    },
  };
}
