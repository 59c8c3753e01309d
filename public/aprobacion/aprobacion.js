'use strict';
// The page's behaviour lives in this file: the security policy (script-src 'self') blocks inline scripts.
const token = new URLSearchParams(location.search).get('t') || '';
const api = `/api/approvals/${encodeURIComponent(token)}`;
const message = document.getElementById('message');
const say = (text, role) => {
  message.innerHTML = '';
  const p = document.createElement('p');
  p.setAttribute('role', role);
  p.textContent = text;
  message.appendChild(p);
};
fetch(api)
  .then((res) => res.json())
  .then(({ data, error }) => {
    if (error) return say(error.message, 'alert');
    document.getElementById('proposal').hidden = false;
    document.getElementById('title').textContent = `${data.title} · versión ${data.version}`;
    document.getElementById('details').textContent = [data.area, data.eventName, data.eventDate]
      .filter(Boolean)
      .join(' · ');
    const file = document.getElementById('file');
    if (data.file) file.href = data.file.url;
    else file.hidden = true;
  })
  .catch(() => say('No se pudo cargar la propuesta. Intenta de nuevo.', 'alert'));
document.getElementById('decision').addEventListener('submit', (event) => {
  event.preventDefault();
  const decision = event.submitter.value;
  const feedback = document.getElementById('feedback').value;
  fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision, feedback }),
  })
    .then((res) => res.json())
    .then(({ error }) => {
      if (error) return say(error.message, 'alert');
      document.getElementById('proposal').hidden = true;
      say(
        decision === 'aprobada'
          ? 'Gracias: la versión quedó aprobada y la Dirección continuará con el trabajo.'
          : 'Gracias: tus observaciones llegaron al diseñador.',
        'status'
      );
    })
    .catch(() => say('No se pudo enviar tu decisión. Intenta de nuevo.', 'alert'));
});
