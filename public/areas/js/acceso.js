/** Inicio de sesión del área (`POST /api/auth/local`): el token queda en esta pestaña. */
import { byId, h, param, replace } from '../../sitio/js/dom.js';
import { api, getToken, safeReturn, setToken, takeNotice } from './sesion.js';
import { busy, clearMarks, hideSummary, reportProblems, showSummary } from './formularios.js';

const destination = () => safeReturn(param('volver'));

if (getToken()) window.location.replace(destination());

const notice = takeNotice();
if (notice) replace(byId('aviso'), h('p', { class: 'estado', role: 'status' }, notice));

const form = byId('acceso');
const summary = byId('errores');
const identifier = byId('identificador');
const password = byId('contrasena');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMarks(form);
  const problems = [];
  if (!identifier.value.trim())
    problems.push({ control: identifier, message: 'Escribe tu correo o usuario.' });
  if (!password.value) problems.push({ control: password, message: 'Escribe tu contraseña.' });
  if (reportProblems(summary, 'Revisa los datos para entrar', problems)) return;

  const done = busy(form.querySelector('button[type="submit"]'), 'Entrando…');
  try {
    const { jwt } = await api('/api/auth/local', {
      method: 'POST',
      auth: false,
      json: { identifier: identifier.value.trim(), password: password.value },
    });
    setToken(jwt);
    window.location.replace(destination());
  } catch (error) {
    done();
    password.value = '';
    showSummary(summary, error.message);
    return;
  }
  hideSummary(summary);
});
