import { Button } from 'antd-mobile';
import { SoundOutline } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;

/** Reads a text aloud with the browser's speech synthesis; absent where the browser has none. */
export function ReadAloudButton({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => (canSpeak ? window.speechSynthesis.cancel() : undefined), []);
  if (!canSpeak) return null;

  function toggle() {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = i18n.language;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    synth.cancel();
    synth.speak(utterance);
    setSpeaking(true);
  }

  return (
    <Button size="small" fill="outline" color="primary" onClick={toggle} data-testid="read-aloud">
      <SoundOutline aria-hidden="true" /> {speaking ? t('home.stopReading') : t('home.readAloud')}
    </Button>
  );
}
