/**
 * @module pages/login
 * 登录: shown in place of the requested view when access control is on and nobody is logged in
 * (or the session ended). The planner pastes the access token the administrator gave them into a
 * password field; `POST /api/login` sets an HttpOnly session cookie, and the view the URL asks
 * for is rendered. A bad token says so plainly and keeps the form.
 */
import { auth, isApiFailure } from '../api.ts';
import { t, type Lang } from '../i18n/index.ts';
import { errorMessage, h } from '../ui.ts';

export function renderLogin(root: HTMLElement, lang: Lang, loggedIn: () => void, sessionLost = false): void {
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', required: true,
    spellcheck: 'false', 'aria-describedby': 'login-help',
  });
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'login-submit', text: t('loginButton', lang) });
  const form = h('form', { id: 'login-form', class: 'login-form', novalidate: true },
    h('label', { class: 'field', for: 'token' }, h('span', { text: t('accessToken', lang) }), input),
    h('p', { id: 'login-help', class: 'note', text: t('loginHelp', lang) }),
    error,
    h('div', { class: 'login-actions' }, submit),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const token = input.value.trim();
    if (!token) {
      error.textContent = t('loginEmpty', lang);
      error.hidden = false;
      input.focus();
      return;
    }
    submit.disabled = true;
    error.hidden = true;
    auth.login(token).then(() => {
      input.value = '';
      loggedIn();
    }, (e: unknown) => {
      submit.disabled = false;
      error.textContent = isApiFailure(e) && e.status === 401 ? t('loginBadToken', lang)
        : isApiFailure(e) && e.status === 400 ? t('loginBadToken', lang) : t('loginFailed', lang) + errorMessage(e);
      error.hidden = false;
      input.select();
      input.focus();
    });
  });
  root.append(h('section', { class: 'panel login-panel', id: 'login', 'aria-labelledby': 'login-title' },
    h('h2', { id: 'login-title', class: 'page-title', text: t('login', lang) }),
    sessionLost ? h('p', { class: 'error', id: 'login-expired', role: 'alert', text: t('loginExpired', lang) }) : null,
    h('p', { class: 'note', text: t('loginIntro', lang) }),
    form));
  input.focus();
}
