import type { Transport } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';

interface LoggedMessage {
  envelope: { from: string | false; to: string[] };
  messageId: string;
  response: string;
}

/**
 * A nodemailer transport that writes each message to Strapi's log instead of sending it: used when
 * `SMTP_HOST` is not set. Outside production the log shows the text too (approval links, for
 * trying the flows); in production only who the message was for and its subject.
 */
export const createLogTransport = ({
  withBody,
}: {
  withBody: boolean;
}): Transport<LoggedMessage> => ({
  name: 'registro',
  version: '1.0.0',
  send(
    mail: MailMessage<LoggedMessage>,
    callback: (err: Error | null, info: LoggedMessage) => void
  ) {
    const envelope = mail.message.getEnvelope();
    const messageId = mail.message.messageId();
    const { subject, text } = mail.data;
    const lines = [
      `Correo no enviado (sin SMTP_HOST) para ${envelope.to.join(', ')}: «${subject ?? ''}»`,
    ];
    if (withBody && typeof text === 'string') lines.push(text);
    const log = (global as { strapi?: { log?: { info(message: string): void } } }).strapi?.log;
    if (log) log.info(lines.join('\n'));
    else process.stdout.write(`${lines.join('\n')}\n`);
    callback(null, { envelope, messageId, response: '250 registrado en la bitácora' });
  },
});
