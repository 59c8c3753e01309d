/** El veredicto del calendario sobre un servicio (`LeadTimeVerdict`), en palabras. */
import { h, replace } from '../../sitio/js/dom.js';
import { calendarDate } from '../../sitio/js/formato.js';

/** Dibuja el veredicto dentro de `box` (vacío si no hay). */
export const showVerdict = (box, verdict) => {
  box.classList.remove('plazo--cumple', 'plazo--extemporaneo');
  if (!verdict) {
    replace(box);
    return;
  }
  const earliest = calendarDate(verdict.earliestAllowedDate);
  let headline = null;
  if (verdict.leadTimeMet === true && verdict.earliestAllowedDate) {
    box.classList.add('plazo--cumple');
    headline = 'Cumple el plazo.';
  } else if (verdict.leadTimeMet === false) {
    box.classList.add('plazo--extemporaneo');
    headline = earliest
      ? `Extemporáneo: la fecha más próxima que cumple el plazo es el ${earliest}.`
      : 'Extemporáneo.';
  }
  replace(
    box,
    headline ? h('p', {}, h('strong', {}, headline)) : null,
    h('p', {}, verdict.message),
    verdict.warning && !verdict.message.includes(verdict.warning)
      ? h('p', {}, h('strong', {}, 'Aviso: '), verdict.warning)
      : null
  );
};
