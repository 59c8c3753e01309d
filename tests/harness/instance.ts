import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Another Strapi process on a database (the test's own unless `env` points elsewhere), for what
 * must hold across instances. `script` is one of the harness's instance programs:
 *   second-instance.js         create-oficios, serve, ensure-years, boot (see the file)
 *   notifications-instance.js  deliver, exclusive, hold (see the file)
 * Both print `READY` when asked to wait for `GO`, and one `RESULT <json>` line at the end.
 */
export const startInstance = (
  script: 'second-instance.js' | 'notifications-instance.js',
  command: Record<string, unknown>,
  env: Record<string, string> = {}
) => {
  const child = spawn(process.execPath, [path.join(__dirname, script), JSON.stringify(command)], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners: Array<() => void> = [];
  child.stdout.on('data', (chunk) => {
    out += chunk;
    listeners.forEach((listener) => listener());
  });
  child.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const failure = (code: number | null) =>
    new Error(`La otra instancia terminó con ${code}: ${err.slice(-3000)}`);

  /** Resolves when the instance printed the first line that `match` accepts. */
  const line = (match: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = out.split('\n').find(match);
        if (found !== undefined) resolve(found);
      };
      listeners.push(check);
      check();
      exited.then((code) => reject(failure(code)));
    });

  return {
    pid: child.pid,
    exited,
    /** The instance printed `text` as a line of its own. */
    marker: (text: string) => line((l) => l.trim() === text).then(() => undefined),
    ready: () => line((l) => l.trim() === 'READY').then(() => undefined),
    /** The port of a `serve` instance once it listens. */
    port: () => line((l) => /^READY \d+$/.test(l.trim())).then((l) => Number(l.trim().slice(6))),
    go: () => child.stdin.write('GO\n'),
    kill: () => child.kill('SIGKILL'),
    /** Closes its standard input (a `serve` instance stops) and waits for it to exit. */
    stop: async () => {
      child.stdin.end();
      await exited;
    },
    result: async <T>(): Promise<T> => {
      const code = await exited;
      const found = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !found) throw failure(code);
      return JSON.parse(found.slice('RESULT '.length)) as T;
    },
  };
};

export type Instance = ReturnType<typeof startInstance>;
