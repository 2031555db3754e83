import type { TFunction } from 'i18next';
import type { Remaining } from './deadlines';

/** Deadlines are the organisers' (France) times, whatever the device's time zone. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** A time of day ("14:05"), in France's time zone like the deadlines. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** "3 jours et 4 heures", "2 heures et 5 minutes", "12 minutes", "moins d'une minute". */
export function formatRemaining(t: TFunction, { days, hours, minutes }: Remaining): string {
  const pair = (first: string, second: string | null) =>
    second ? t('countdown.pair', { first, second }) : first;
  if (days > 0)
    return pair(
      t('countdown.days', { count: days }),
      hours > 0 ? t('countdown.hours', { count: hours }) : null,
    );
  if (hours > 0)
    return pair(
      t('countdown.hours', { count: hours }),
      minutes > 0 ? t('countdown.minutes', { count: minutes }) : null,
    );
  if (minutes > 0) return t('countdown.minutes', { count: minutes });
  return t('countdown.lessThanMinute');
}
