/**
 * A LIKE pattern for `text` anywhere in a column: `%`, `_` and the escape character itself match
 * literally, with `ESCAPE '\'` in the SQL.
 */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
