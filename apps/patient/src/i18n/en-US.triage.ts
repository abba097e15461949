import type { TriageMessages } from './zh-CN.triage.ts';

/** English strings of the symptom check; spread into en-US.ts. */
export const enUSTriage: TriageMessages = {
  triage: {
    title: 'Symptom check',
    entry: {
      title: 'Symptom check',
      hint: 'Describe symptoms, get a department and doctors',
    },
    start: {
      intro:
        'Say in your own words what is wrong and for how long. We ask a few questions, then suggest how urgent it is, which department to see and doctors you can book.',
      emergencyHint: 'Chest pain, trouble breathing, fainting or heavy bleeding: do not wait, call 120 now.',
      who: 'Who is it for',
      noScope: 'You may not check symptoms or book for anyone else.',
      label: 'What is wrong?',
      hint: 'For example: thirsty and passing a lot of urine for two weeks, losing weight. Chinese or English.',
      required: 'Please describe the symptoms',
      submit: 'Start',
    },
    chat: {
      log: 'Symptom check conversation',
      you: 'Me:',
      assistant: 'Assistant:',
      skip: 'Not sure, skip',
      send: 'OK',
      numberRange: 'Enter a number from {{min}} to {{max}}',
    },
    emergency: {
      title: 'This may be an emergency: call 120 now',
      call: 'Call {{number}}',
      nowTitle: 'What to do now',
      now1: 'Call 120 now; give your address and the symptoms.',
      now2: 'Stop what you are doing, sit or lie down; do not drive yourself to hospital.',
      now3: 'Ask someone to stay with you and open the door for the ambulance crew.',
      now4: 'Have your medicines and records ready while you wait.',
    },
    urgency: {
      emergency: { label: 'Emergency', meaning: 'Needs care now: call 120 or go to the emergency room.' },
      within_24h: {
        label: 'Within 24 hours',
        meaning: 'See a doctor within 24 hours; sooner if it gets worse.',
      },
      routine: { label: 'Routine visit', meaning: 'Book a visit soon; see a doctor earlier if it changes.' },
      self_care: {
        label: 'Self-care',
        meaning: 'Rest and watch it at home; see a doctor if it lasts or gets worse.',
      },
    },
    result: {
      urgencyTitle: 'Urgency: ',
      symptoms: 'Symptoms recognised',
      negated: 'no {{label}}',
      departments: 'Suggested departments',
      rank: '{{rank}}',
      bookDepartment: 'Book {{name}}',
      doctors: 'Doctors you can book',
      noSlots: 'Nothing free soon',
      allSlots: 'All times',
      consultOnline: 'Consult online',
      chooseDepartment: 'Choose a department myself',
      again: 'Start again',
    },
  },
};
