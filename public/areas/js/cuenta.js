/** «Mi cuenta»: cambiar la contraseña y cerrar la sesión (en todos los equipos). */
import { byId, h, replace } from '../../sitio/js/dom.js';
import { api, clearToken, leaveNotice, loadHeader, setTitle } from './sesion.js';
import { busy, clearMarks, reportProblems, showSummary } from './formularios.js';
import { passwordProblems } from './contrasena.js';

setTitle('Mi cuenta');
loadHeader();

const form = byId('cambio');
const summary = byId('errores');
const current = byId('actual');
const password = byId('nueva');
const confirmation = byId('confirmacion');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMarks(form);
  const problems = [];
  if (!current.value) problems.push({ control: current, message: 'Escribe tu contraseña actual.' });
  problems.push(...passwordProblems(password, confirmation));
  if (reportProblems(summary, 'Revisa las contraseñas', problems)) return;

  const done = busy(form.querySelector('button[type="submit"]'), 'Cambiando…');
  try {
    await api('/api/auth/change-password', {
      method: 'POST',
      json: {
        currentPassword: current.value,
        password: password.value,
        passwordConfirmation: confirmation.value,
      },
    });
  } catch (error) {
    done();
    if (error.status === 401) return;
    showSummary(summary, error.message);
    return;
  }
  // Cambiar la contraseña cierra todas las sesiones, también esta.
  clearToken();
  leaveNotice('Tu contraseña cambió y tus sesiones se cerraron. Inicia sesión con la nueva.');
  window.location.replace('index.html');
});

const logout = byId('salir');
logout.addEventListener('click', async () => {
  const done = busy(logout, 'Cerrando sesión…');
  try {
    await api('/api/auth/logout', { method: 'POST', json: {} });
  } catch (error) {
    if (error.status !== 401 && error.status !== 0) {
      done();
      replace(byId('resultado-salir'), h('p', { class: 'estado estado--error' }, error.message));
      return;
    }
  }
  clearToken();
  leaveNotice('Cerraste tu sesión.');
  window.location.replace('index.html');
});
