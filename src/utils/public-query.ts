import { invalid } from './errors';

type Query = Record<string, unknown>;

/** What an anonymous caller may name in a query of a public content-API route. */
export interface PublicQueryShape {
  /** The fields the public response shows (besides `id` and `documentId`, always shown). */
  fields: readonly string[];
  /** The relations the public response may include. */
  populate: readonly string[];
}

/**
 * The query parameters a public read understands; anything else (`_q`, which searches every text
 * field, internal ones included) is refused, not ignored. `status` is admitted and overridden:
 * the public reads published records only.
 */
export const PUBLIC_QUERY_PARAMETERS = [
  'filters',
  'sort',
  'fields',
  'populate',
  'pagination',
  'status',
];

const IDENTIFIERS = ['id', 'documentId'];
const LOGICAL = ['$and', '$or', '$not'];
const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$in',
  '$notIn',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$between',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
  ...LOGICAL,
];
/** Deeper than any honest query; stops a crafted one before it costs anything. */
const MAX_DEPTH = 8;

const refuse = (parameter: string, path: string, message: string) =>
  invalid('INVALID_QUERY', message, { parameter, path });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const entries = (value: unknown): [string, unknown][] =>
  Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value as Query);

const tooDeep = (parameter: string, path: string) =>
  refuse(parameter, path, `El parámetro «${parameter}» está anidado demasiado hondo.`);

/**
 * Checks an anonymous caller's query against the fields the public response shows, so that
 * `filters`, `sort`, `fields` and `populate` never become an oracle on unpublished or internal
 * data. Throws 400 INVALID_QUERY naming the parameter; returns nothing when the query is fine.
 */
export const checkPublicQuery = (query: Query, shape: PublicQueryShape) => {
  const names = [...IDENTIFIERS, ...shape.fields];
  const field = (parameter: string, path: string, name: string) => {
    if (!names.includes(name)) {
      throw refuse(
        parameter,
        path,
        `El parámetro «${parameter}» solo admite campos públicos; «${name}» no lo es. Se admiten: ${names.join(', ')}.`
      );
    }
  };

  /** A field's condition: a value, a list of values, or operators on them. */
  const condition = (path: string, value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw tooDeep('filters', path);
    if (Array.isArray(value)) {
      value.forEach((item, i) => condition(`${path}[${i}]`, item, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (!OPERATORS.includes(key)) {
        throw refuse(
          'filters',
          `${path}[${key}]`,
          key.startsWith('$')
            ? `El parámetro «filters» no conoce el operador «${key}».`
            : `El parámetro «filters» no admite buscar dentro de relaciones ni campos anidados («${key}» en ${path}).`
        );
      }
      condition(`${path}[${key}]`, inner, depth + 1);
    }
  };

  /** A group of conditions: field names, or $and / $or / $not around more groups. */
  const group = (path: string, value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw tooDeep('filters', path);
    if (!isObject(value) && !Array.isArray(value)) {
      throw refuse('filters', path, 'El parámetro «filters» debe agrupar condiciones por campo.');
    }
    for (const [key, inner] of entries(value)) {
      const here = `${path}[${key}]`;
      if (Array.isArray(value) || LOGICAL.includes(key)) group(here, inner, depth + 1);
      else if (key.startsWith('$')) {
        throw refuse('filters', here, `El parámetro «filters» no admite «${key}» en este lugar.`);
      } else {
        field('filters', here, key);
        condition(here, inner, depth + 1);
      }
    }
  };

  /** `a:desc,b`, `['a:desc']`, `{ a: 'desc' }` or `[{ a: 'desc' }]`. */
  const sortItem = (path: string, value: unknown): void => {
    if (typeof value === 'string') {
      for (const part of value.split(',')) {
        const [name, direction, ...rest] = part.trim().split(':');
        field('sort', path, name);
        if (rest.length > 0 || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) {
          throw refuse('sort', path, `El parámetro «sort» ordena «asc» o «desc»; «${part}» no.`);
        }
      }
    } else if (isObject(value)) {
      for (const [name, direction] of Object.entries(value)) {
        field('sort', `${path}[${name}]`, name);
        if (typeof direction !== 'string' || !/^(asc|desc)$/i.test(direction)) {
          throw refuse('sort', `${path}[${name}]`, 'El parámetro «sort» ordena «asc» o «desc».');
        }
      }
    } else {
      throw refuse('sort', path, 'El parámetro «sort» debe nombrar campos.');
    }
  };

  for (const [parameter, value] of Object.entries(query)) {
    if (!PUBLIC_QUERY_PARAMETERS.includes(parameter)) {
      throw refuse(
        parameter,
        parameter,
        `El parámetro «${parameter}» no existe en esta consulta pública; se admiten: ${PUBLIC_QUERY_PARAMETERS.join(', ')}.`
      );
    }
    if (value === undefined) continue;
    if (parameter === 'filters') group('filters', value, 0);
    if (parameter === 'sort') {
      if (Array.isArray(value)) value.forEach((item, i) => sortItem(`sort[${i}]`, item));
      else sortItem('sort', value);
    }
    if (parameter === 'fields') {
      const list = typeof value === 'string' ? value.split(',').map((name) => name.trim()) : value;
      if (!Array.isArray(list))
        throw refuse('fields', 'fields', 'El parámetro «fields» es una lista de campos.');
      list.forEach((name, i) => {
        if (typeof name !== 'string') {
          throw refuse('fields', `fields[${i}]`, 'El parámetro «fields» es una lista de campos.');
        }
        field('fields', `fields[${i}]`, name);
      });
    }
    if (parameter === 'populate') {
      const keys =
        value === '*'
          ? []
          : typeof value === 'string'
            ? value.split(',').map((name) => name.trim())
            : Array.isArray(value)
              ? value
              : isObject(value)
                ? Object.keys(value)
                : [value];
      keys.forEach((name) => {
        if (typeof name !== 'string' || !shape.populate.includes(name)) {
          throw refuse(
            'populate',
            'populate',
            `El parámetro «populate» solo admite ${shape.populate.length ? shape.populate.join(', ') : 'ninguna relación'}; «${String(name)}» no.`
          );
        }
      });
    }
  }
};
