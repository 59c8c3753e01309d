import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A message as the SMTP peer received it. */
export interface ReceivedMail {
  /** MAIL FROM of the envelope. */
  from: string;
  /** RCPT TO addresses of the envelope (who the server was asked to deliver to). */
  to: string[];
  /** Subject with RFC 2047 encoded words decoded (accents readable). */
  subject: string;
  /** Header values by lower-case name, decoded; the last one wins. */
  headers: Record<string, string>;
  /** The text/plain part, transfer-decoded. */
  text: string;
  /** The text/html part, transfer-decoded, when there is one. */
  html: string | null;
  /** Parts sent as attachments (`Content-Disposition: attachment`), with their decoded bytes. */
  attachments: ReceivedAttachment[];
  raw: string;
}

/** A file a message carried. */
export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface SmtpPeer {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Environment that points the app at this peer. */
  env: Record<string, string>;
  /** Stops listening: connections are refused (ECONNREFUSED) until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** While true the peer accepts connections but answers 421 (service not available). */
  refuse(on: boolean): void;
  /**
   * While true the peer keeps each message it receives but holds back its reply (250), as a
   * server that got the message and had not answered yet when the sender died.
   */
  hold(on: boolean): void;
  /** Resolves when at least `count` messages arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Decodes `=?utf-8?B?…?=` / `=?utf-8?Q?…?=` words; whitespace between two encoded words is dropped. */
export const decodeWords = (value: string): string =>
  value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_all, charset: string, encoding: string, text: string) => {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                    String.fromCharCode(parseInt(hex, 16))
                  ),
                'latin1'
              );
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      }
    );

const decodeQuotedPrintable = (body: string): Buffer =>
  Buffer.from(
    body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1'
  );

interface Part {
  headers: Record<string, string>;
  body: string;
}

const parsePart = (raw: string): Part => {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
};

const param = (header: string | undefined, name: string) =>
  new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header ?? '')?.[1];

const bytesOf = (part: Part): Buffer => {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  return encoding === 'base64'
    ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
    : encoding === 'quoted-printable'
      ? decodeQuotedPrintable(part.body)
      : Buffer.from(part.body, 'latin1');
};

const decodeBody = (part: Part): string => {
  const charset = param(part.headers['content-type'], 'charset') ?? 'utf-8';
  return new TextDecoder(charset.toLowerCase()).decode(bytesOf(part)).replace(/\r\n/g, '\n');
};

const isAttachment = (part: Part) => /^attachment/i.test(part.headers['content-disposition'] ?? '');

/** Leaf parts of a MIME message (multipart/* flattened). */
const leaves = (part: Part): Part[] => {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = param(part.headers['content-type'], 'boundary');
  if (!type.startsWith('multipart/') || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => parsePart(chunk.replace(/^\r?\n/, '')))
    .flatMap(leaves);
};

export const parseMail = (raw: string, from: string, to: string[]): ReceivedMail => {
  // SMTP carries bytes; reading them as latin1 keeps 8-bit bodies intact until they are decoded.
  const root = parsePart(raw);
  const headers = Object.fromEntries(
    Object.entries(root.headers).map(([key, value]) => [key, decodeWords(value)])
  );
  const all = leaves(root);
  const parts = all.filter((part) => !isAttachment(part));
  const byType = (type: string) =>
    parts.find((part) =>
      (part.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type)
    );
  const attachments = all.filter(isAttachment).map(
    (part): ReceivedAttachment => ({
      // The body's trailing line break belongs to the MIME boundary, not to the file.
      filename: decodeWords(
        param(part.headers['content-disposition'], 'filename') ??
          param(part.headers['content-type'], 'name') ??
          ''
      ),
      contentType: (part.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
      content: bytesOf({ ...part, body: part.body.replace(/\r?\n$/, '') }),
    })
  );
  const text = byType('text/plain');
  const html = byType('text/html');
  return {
    from,
    to,
    subject: headers.subject ?? '',
    headers,
    text: text ? decodeBody(text) : '',
    html: html ? decodeBody(html) : null,
    attachments,
    raw,
  };
};

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives. It can
 * stop listening or answer 421 to play an SMTP server that is down. `auth` makes it require those
 * credentials (plain-text AUTH is allowed: loopback only).
 */
export const startSmtpPeer = async (
  options: { auth?: { user: string; pass: string }; delayMs?: number } = {}
): Promise<SmtpPeer> => {
  const messages: ReceivedMail[] = [];
  let refusing = false;
  let holding = false;
  let held: Array<() => void> = [];
  let waiters: Array<() => void> = [];

  const serverOptions: SMTPServerOptions = {
    secure: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      if (!refusing) return callback();
      const error = new Error('Servicio no disponible') as Error & { responseCode: number };
      error.responseCode = 421;
      return callback(error);
    },
    onAuth(auth, _session, callback) {
      if (
        options.auth &&
        auth.username === options.auth.user &&
        auth.password === options.auth.pass
      ) {
        return callback(null, { user: auth.username });
      }
      return callback(new Error('Credenciales no válidas'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const finish = () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          messages.push(parseMail(Buffer.concat(chunks).toString('latin1'), from, to));
          waiters.forEach((wake) => wake());
          if (holding) held.push(() => callback());
          else callback();
        };
        if (options.delayMs) setTimeout(finish, options.delayMs);
        else finish();
      });
    },
  };

  let server = new SMTPServer(serverOptions);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        const address = server.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const port = await listen(0);
  let listening = true;

  const peer: SmtpPeer = {
    host: '127.0.0.1',
    port,
    messages,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_SECURE: 'false',
      ...(options.auth
        ? { SMTP_USERNAME: options.auth.user, SMTP_PASSWORD: options.auth.pass }
        : { SMTP_USERNAME: '', SMTP_PASSWORD: '' }),
    },
    async stop() {
      if (!listening) return;
      listening = false;
      await closeServer();
    },
    async start() {
      if (listening) return;
      server = new SMTPServer(serverOptions);
      await listen(port);
      listening = true;
    },
    refuse(on) {
      refusing = on;
    },
    hold(on) {
      holding = on;
      if (on) return;
      const replies = held;
      held = [];
      replies.forEach((reply) => reply());
    },
    waitFor(count, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return false;
          clearTimeout(timer);
          waiters = waiters.filter((wake) => wake !== onMessage);
          resolve(messages);
          return true;
        };
        const onMessage = () => void check();
        const timer = setTimeout(() => {
          waiters = waiters.filter((wake) => wake !== onMessage);
          reject(new Error(`El servidor SMTP recibió ${messages.length} de ${count} mensajes`));
        }, timeoutMs);
        if (!check()) waiters.push(onMessage);
      });
    },
    async close() {
      peer.hold(false);
      await peer.stop();
    },
  };
  return peer;
};
