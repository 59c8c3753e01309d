/**
 * Reads a secret from the environment. In production a missing secret stops the start with a
 * clear message: inventing one there would silently log everybody out on every restart.
 * Elsewhere `scripts/ensure-env.js` has already written `.env`, so a missing value also means
 * something is wrong with the set-up and is reported the same way.
 */
export const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    const hint =
      process.env.NODE_ENV === 'production'
        ? 'En producción los secretos no se generan: defínela en el entorno del servidor.'
        : 'Ejecuta `npm run develop` una vez (crea .env con secretos aleatorios) o defínela en .env.';
    throw new Error(`Falta la variable de entorno ${name}. ${hint}`);
  }
  return value;
};

/** Comma-separated list variant of {@link requiredEnv} (APP_KEYS). */
export const requiredEnvList = (name: string): string[] =>
  requiredEnv(name)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
