import type { DeliveryChannel, NotificationCategory, NotificationPreferences } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

export const CATEGORIES: readonly NotificationCategory[] = [
  'consultation',
  'appointment',
  'medication',
  'monitoring',
  'follow_up',
  'system',
];
const CHANNELS: readonly DeliveryChannel[] = ['push', 'email', 'sms', 'wechat'];

interface ChannelChoicesProps {
  channels: Record<NotificationCategory, DeliveryChannel[]>;
  reachable: NotificationPreferences['reachable'];
  onChange: (category: NotificationCategory, channels: DeliveryChannel[]) => void;
}

/** One group of check boxes per category: where each kind of news should reach the person besides the app. */
export function ChannelChoices({ channels, reachable, onChange }: ChannelChoicesProps) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('notifySettings.channelsTitle')}</h2>
      <p className="muted">{t('notifySettings.channelsHelp')}</p>
      {CATEGORIES.map((category) => (
        <fieldset key={category} className="choice-group" data-testid={`category-${category}`}>
          <legend>{t(`notifySettings.categories.${category}`)}</legend>
          {CHANNELS.map((channel) => {
            const checked = channels[category].includes(channel);
            // A channel with no address cannot be chosen, except push: this device may be enabled above.
            const unreachable = !reachable[channel] && channel !== 'push';
            return (
              <label key={channel} className="choice">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={unreachable && !checked}
                  onChange={(e) =>
                    onChange(
                      category,
                      e.target.checked
                        ? [...channels[category], channel]
                        : channels[category].filter((c) => c !== channel),
                    )
                  }
                  data-testid={`channel-${category}-${channel}`}
                />
                <span>
                  {t(`notifySettings.channels.${channel}`)}
                  {!reachable[channel] && (
                    <span className="muted"> · {t(`notifySettings.unreachable.${channel}`)}</span>
                  )}
                </span>
              </label>
            );
          })}
        </fieldset>
      ))}
    </section>
  );
}
