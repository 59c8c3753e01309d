/** Contraseña nueva con el enlace del correo (`restablecer.html?code=…`). */
import { byId, h, param, replace } from '../../sitio/js/dom.js';
import { api, leaveNotice } from './sesion.js';
import { busy, clearMarks, reportProblems, showSummary } from './formularios.js';
import { passwordProblems } from './contrasena.js';

const form = byId('restablecer');
const summary = byId('errores');
const result = byId('resultado');
const code = param('code');

if (!code) {
  form.hidden = true;
  replace(
    result,
    h(
      'p',
      { class: 'estado estado--error' },
      'Este enlace está incompleto. Pide uno nuevo en «Olvidé mi contraseña».'
    ),
    h('p', {}, h('a', { href: 'olvide.html' }, 'Pedir un enlace nuevo'))
  );
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMarks(form);
  const password = byId('nueva');
  const confirmation = byId('confirmacion');
  if (reportProblems(summary, 'Revisa la contraseña', passwordProblems(password, confirmation)))
    return;
  const done = busy(form.querySelector('button[type="submit"]'), 'Guardando…');
  try {
    await api('/api/auth/reset-password', {
      method: 'POST',
      auth: false,
      json: { code, password: password.value, passwordConfirmation: confirmation.value },
    });
    leaveNotice('Tu contraseña nueva quedó guardada. Inicia sesión con ella.');
    window.location.replace('index.html');
  } catch (error) {
    done();
    showSummary(summary, error.message);
    if (error.status === 400 && /c[oó]digo|code|enlace/i.test(error.message))
      replace(result, h('p', {}, h('a', { href: 'olvide.html' }, 'Pedir un enlace nuevo')));
  }
});
