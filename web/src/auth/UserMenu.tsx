import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import type { StaffUser } from './session-client';
import './user-menu.css';

/** Who is signed in, their role and districts, and sign-out: a disclosure in the header. */
export function UserMenu({ user, onSignOut }: { user: StaffUser; onSignOut(): void }) {
  const { t } = useI18n();
  const districts =
    user.role !== 'municipal'
      ? t('auth.allDistricts')
      : user.districts.length > 0
        ? user.districts.map((district) => district.name).join(', ')
        : t('auth.noDistricts');
  return (
    <details className="user-menu">
      <summary aria-label={`${t('auth.menu')}: ${user.login}`}>{user.login}</summary>
      <div className="user-menu__panel">
        <dl>
          <dt>{t('auth.login')}</dt>
          <dd data-user="login">{user.login}</dd>
          <dt className="visually-hidden">{t('auth.menu')}</dt>
          <dd data-user="role">{t(`auth.role.${user.role}` as MessageKey)}</dd>
          <dd data-user="districts">{districts}</dd>
        </dl>
        <button type="button" onClick={onSignOut}>
          {t('auth.signOut')}
        </button>
      </div>
    </details>
  );
}
