/** Fechas, tamaños y periodos como se leen en México. */

const ZONE = 'America/Mexico_City';

const LONG = new Intl.DateTimeFormat('es-MX', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: ZONE,
});

// Las fechas sin hora (2027-01-01) son días del calendario: se leen en UTC para no moverlas.
const DAY = new Intl.DateTimeFormat('es-MX', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const SHORT_DAY = new Intl.DateTimeFormat('es-MX', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

const parse = (value) => {
  if (!value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** «24 de noviembre de 2026» de un instante, en la hora de la Ciudad de México. */
export const longDate = (value) => {
  const date = parse(value);
  return date ? LONG.format(date) : '';
};

/** «1 de enero de 2027» de una fecha de calendario (AAAA-MM-DD). */
export const calendarDate = (value) => {
  const date = parse(value);
  return date ? DAY.format(date) : '';
};

/** «01/01/2027» de una fecha de calendario. */
export const shortDate = (value) => {
  const date = parse(value);
  return date ? SHORT_DAY.format(date) : '';
};

/** «01/01/2027 al 31/03/2027». */
export const period = (start, end) => {
  if (start && end) return `${shortDate(start)} al ${shortDate(end)}`;
  return shortDate(start || end);
};

/** Elemento `<time>` con la fecha legible y la máquina en `datetime`. */
export const timeElement = (value, text) => {
  const element = document.createElement('time');
  if (value) element.setAttribute('datetime', value);
  element.textContent = text;
  return element;
};

/** Tamaño de archivo legible («12 KB», «1.4 MB»). La API lo da en kilobytes, como Strapi. */
export const fileSize = (kilobytes) => {
  const kb = Number(kilobytes);
  if (!Number.isFinite(kb) || kb <= 0) return '';
  if (kb < 1) return '1 KB';
  if (kb < 1024) return `${Math.round(kb)} KB`;
  return `${(kb / 1024).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;
};

/** «PDF», «XLSX»… del tipo o del nombre del archivo. */
export const fileKind = (file) => {
  if (!file) return '';
  const fromName = /\.([a-z0-9]{2,5})$/i.exec(file.name || file.url || '');
  if (fromName) return fromName[1].toUpperCase();
  const fromMime = /\/([a-z0-9.+-]+)$/i.exec(file.mime || '');
  return fromMime ? fromMime[1].toUpperCase() : 'archivo';
};

/** «PDF, 12 KB». */
export const fileDescription = (file) =>
  [fileKind(file), fileSize(file && file.size)].filter(Boolean).join(', ');

const QUARTERS = {
  T1: 'primer trimestre (enero a marzo)',
  T2: 'segundo trimestre (abril a junio)',
  T3: 'tercer trimestre (julio a septiembre)',
  T4: 'cuarto trimestre (octubre a diciembre)',
};

/** «2027, primer trimestre (enero a marzo)» de «2027-T1». */
export const quarterLabel = (value) => {
  const match = /^(\d{4})-(T[1-4])$/.exec(value || '');
  return match ? `${match[1]}, ${QUARTERS[match[2]]}` : value;
};
