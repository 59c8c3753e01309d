/** «Olvidé mi contraseña»: siempre la misma respuesta, exista o no la cuenta. */
import { byId, h, replace } from '../../sitio/js/dom.js';
import { api } from './sesion.js';
import { busy, clearMarks, reportProblems, showSummary } from './formularios.js';

const form = byId('olvide');
const summary = byId('errores');
const email = byId('correo');
const result = byId('resultado');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMarks(form);
  replace(result);
  const value = email.value.trim();
  const problems = [];
  if (!value) problems.push({ control: email, message: 'Escribe el correo de tu cuenta.' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    problems.push({
      control: email,
      message: 'Escribe un correo válido, como nombre@calimaya.gob.mx.',
    });
  if (reportProblems(summary, 'Revisa el correo', problems)) return;

  const done = busy(form.querySelector('button[type="submit"]'), 'Enviando…');
  try {
    await api('/api/auth/forgot-password', { method: 'POST', auth: false, json: { email: value } });
    form.hidden = true;
    replace(
      result,
      h(
        'p',
        { class: 'estado estado--exito' },
        'Si el correo pertenece a una cuenta del portal, en unos minutos recibirás un enlace para ' +
          'elegir una contraseña nueva. Revisa también la carpeta de correo no deseado.'
      ),
      h('p', {}, h('a', { href: 'index.html' }, 'Volver a iniciar sesión'))
    );
  } catch (error) {
    done();
    showSummary(summary, error.message);
  }
});
