import { useI18n } from '../i18n/i18n';
import './live-demo-badge.css';

/**
 * Said on every page of a demo server that replays last year's messages as new ones: a viewer must
 * never take them for what residents wrote today.
 */
export function LiveDemoBadge({ size = 'normal' }: { size?: 'normal' | 'wall' }) {
  const { t } = useI18n();
  return (
    <p className={`live-demo-badge live-demo-badge--${size}`} role="note" data-live-demo>
      <strong>{t('liveDemo.badge')}</strong> {t('liveDemo.explain')}
    </p>
  );
}
