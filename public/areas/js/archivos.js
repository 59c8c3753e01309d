/**
 * Los archivos que el área sube (el oficio escaneado, anexos): se revisan aquí con los límites que
 * da el servidor antes de enviarlos, para no esperar una subida que se rechazará; el servidor los
 * revisa de nuevo por su contenido.
 */
import { h, replace } from '../../sitio/js/dom.js';

const IMAGE_OR_PDF = /^\.(pdf|jpe?g|png|gif|webp|tiff?)$/i;

/** «1.4 MB» de un tamaño en bytes. */
export const bytesText = (bytes) => {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n <= 0) return '';
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / (1024 * 1024)).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;
};

const extensionOf = (name) => {
  const match = /\.[a-z0-9]+$/i.exec(name || '');
  return match ? match[0].toLowerCase() : '';
};

/** El atributo `accept` de un campo de archivo (`scanOnly`: PDF o imagen). */
export const acceptOf = (limits, { scanOnly = false } = {}) =>
  limits.extensions.filter((ext) => !scanOnly || IMAGE_OR_PDF.test(ext)).join(',');

/** «PDF, imágenes o documentos de Office; hasta 10 MB cada uno.» */
export const limitsText = (limits, { scanOnly = false } = {}) =>
  `${scanOnly ? 'PDF o imagen' : 'PDF, imágenes o documentos de Office'}; hasta ${bytesText(
    limits.maxFileBytes
  )} ${scanOnly ? 'el archivo' : 'cada uno'}.`;

/** El problema de un archivo, o `null`. */
export const fileProblem = (file, limits, { scanOnly = false } = {}) => {
  const ext = extensionOf(file.name);
  const typeOk =
    (file.type && limits.mimeTypes.includes(file.type)) || limits.extensions.includes(ext);
  if (!typeOk || (scanOnly && !IMAGE_OR_PDF.test(ext))) {
    return scanOnly
      ? `«${file.name}» no es un PDF ni una imagen.`
      : `«${file.name}» no es de un tipo admitido (PDF, imágenes o documentos de Office).`;
  }
  if (file.size > limits.maxFileBytes) {
    return `«${file.name}» pesa ${bytesText(file.size)}; el máximo es ${bytesText(limits.maxFileBytes)}.`;
  }
  if (file.size === 0) return `«${file.name}» está vacío.`;
  return null;
};

/** La lista de los archivos elegidos en un campo, para que se vean antes de enviarlos. */
export const showChosen = (input, list) => {
  const files = [...(input.files || [])];
  replace(
    list,
    files.length
      ? h(
          'ul',
          { class: 'adjuntos' },
          files.map((file) => h('li', {}, `${file.name} (${bytesText(file.size)})`))
        )
      : null
  );
};
