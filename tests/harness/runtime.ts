import path from 'node:path';

type WriteContext = typeof import('../../src/services/write-context');

/**
 * The compiled write-context module the running app uses. Importing `src/` from a test would give
 * the test its own AsyncLocalStorage, invisible to the app's middlewares.
 */
export const appWriteContext = (): WriteContext =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.resolve(__dirname, '..', '..', 'dist', 'src', 'services', 'write-context'));

/** Runs `fn` on behalf of an actor, as a script using strapi.documents would. */
export const runAs: WriteContext['runAs'] = (actor, fn, comment) =>
  appWriteContext().runAs(actor, fn, comment);

/** Test set-up only: writes that skip the workflow rules, as the engine's own effects do. */
export const runInternal: WriteContext['runInternal'] = (fn) => appWriteContext().runInternal(fn);

/** Runs `fn` as a write of `documentId` that must still find it in `state` (compare-and-set). */
export const runExpecting: WriteContext['runExpecting'] = (documentId, state, fn) =>
  appWriteContext().runExpecting(documentId, state, fn);
