/** The institution's mail domain: every institutional account lives under it. */
export const INSTITUTIONAL_DOMAIN = 'calimaya.gob.mx';

/** Articles, prepositions and conjunctions left out of an address. */
const FILLER_WORDS = new Set([
  'a',
  'al',
  'con',
  'de',
  'del',
  'e',
  'el',
  'en',
  'la',
  'las',
  'lo',
  'los',
  'para',
  'por',
  'y',
]);

/**
 * Generic words of an area's name that say what kind of office it is, not which one: "Dirección
 * de Cultura" is simply cultura. The municipality's name is the domain already.
 */
const GENERIC_WORDS = new Set([
  'direccion',
  'coordinacion',
  'subdireccion',
  'departamento',
  'jefatura',
  'unidad',
  'area',
  'general',
  'municipal',
  'calimaya',
]);

/** Names simplified to more words than this are known by their short name (SMDIF, OPDAPAS). */
const MAX_WORDS = 3;

/** Lowercase, without accents (ñ becomes n) and with every other symbol as a space. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The words of a name that tell the area apart (the name "simplified"). */
export function significantWords(name: string): string[] {
  return plain(name)
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word) && !GENERIC_WORDS.has(word));
}

/**
 * The address Gobierno Digital suggests for an area's institutional account (manual GD 2: "se
 * simplifica el nombre de la dependencia"). The rule:
 *
 * 1. the area's name is written in lowercase, without accents (ñ → n), every other symbol a space;
 * 2. articles, prepositions and conjunctions (de, del, la, y, para…) are dropped, and so are the
 *    generic words that name a kind of office (Dirección, Coordinación, Unidad, Municipal,
 *    General…) and the municipality's name;
 * 3. the words left are joined without separators ("Dirección de Desarrollo Urbano" →
 *    `desarrollourbano`);
 * 4. when more than three words are left, or none, the area's short name is used instead, the same
 *    way (SMDIF, OPDAPAS and IMCUFIDEC are known by their acronyms): `smdif`;
 * 5. the result goes before `@calimaya.gob.mx`.
 *
 * Returns null when neither the name nor the short name leaves anything.
 */
export function suggestedAddress(area: {
  name?: string | null;
  shortName?: string | null;
}): string | null {
  const words = significantWords(area.name ?? '');
  const short = plain(area.shortName ?? '').replace(/ /g, '');
  const local =
    words.length > 0 && (words.length <= MAX_WORDS || short === '') ? words.join('') : short;
  return local ? `${local}@${INSTITUTIONAL_DOMAIN}` : null;
}

const LOCAL_PART = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/**
 * Null when `value` is a valid address of the institution's domain, else why not (in Spanish):
 * lowercase letters, digits and single dots, hyphens or underscores between them, at most 64
 * characters before `@calimaya.gob.mx`.
 */
export function institutionalAddressProblem(value: string): string | null {
  const address = value.trim();
  const at = address.lastIndexOf('@');
  if (at < 0)
    return `«${address}» no es una dirección de correo: falta «@${INSTITUTIONAL_DOMAIN}».`;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (domain !== INSTITUTIONAL_DOMAIN) {
    return (
      `La cuenta institucional es del dominio @${INSTITUTIONAL_DOMAIN}, no de @${domain}: ` +
      'la Dirección no crea ni da de baja cuentas de otros dominios.'
    );
  }
  if (!LOCAL_PART.test(local) || local.length > 64) {
    return (
      `«${address}» no es una dirección válida: antes de la @ van letras minúsculas sin acentos, ` +
      'números y, entre ellos, puntos, guiones o guiones bajos (hasta 64 caracteres).'
    );
  }
  return null;
}
