import { parseIsoDate, type IsoDate } from '../calendar';
import { formatDate } from '../workflows/values';
import { WORKFLOW_LABELS, type WorkflowKey } from '../workflows';
import {
  WORKFLOW_NOUNS,
  agree,
  byCount,
  capitalize,
  ofThe,
  stateWord,
  withArticle,
} from '../workflows/grammar';
import type { DigestItem } from './rules';

/** A rendered e-mail. */
export interface Message {
  subject: string;
  text: string;
  html: string;
}

/** An in-app notice's words. */
export interface NoticeText {
  title: string;
  body: string;
}

/** The item a message is about. */
export interface ItemRef {
  workflow: WorkflowKey;
  documentId: string;
  title: string;
  status?: string;
  folio?: string | null;
  oficioDocumentId?: string | null;
  areaName?: string | null;
  dueAt?: IsoDate | null;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe to place in HTML content or a quoted attribute. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** The admin path of an oficio's page in the plugin (in-app links are relative to /admin). */
export function oficioAdminPath(oficioDocumentId: string): string {
  return `/plugins/comunicacion/oficios/${encodeURIComponent(oficioDocumentId)}`;
}

/** The absolute admin URL of an oficio's page, for e-mails. */
export function oficioAdminUrl(baseUrl: string, oficioDocumentId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/admin${oficioAdminPath(oficioDocumentId)}`;
}

/**
 * The Portal de áreas' page of an oficio, where the area follows it, completes what is missing,
 * reviews proposals and downloads the answer.
 */
export function oficioPortalUrl(baseUrl: string, oficioDocumentId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/areas/oficio.html?id=${encodeURIComponent(oficioDocumentId)}`;
}

/** «lunes 16 de noviembre de 2026»; anything that is not a date is returned as it is. */
export function longDate(date: IsoDate): string {
  return parseIsoDate(date) ? formatDate(date) : date;
}

const titleAndFolio = (item: ItemRef) => `«${item.title}»${item.folio ? ` (${item.folio})` : ''}`;

/** «Diseño «Cartel del festival» (DCSGD/0001/2027)», to head a line. */
export function itemName(item: ItemRef): string {
  return `${WORKFLOW_LABELS[item.workflow]} ${titleAndFolio(item)}`;
}

/**
 * The item inside a sentence, with the article of its noun: «el diseño «Cartel» (folio)»,
 * «la publicación en el sitio web «Aviso»»; `of` contracts «de» + article («del», «de la»).
 */
export function theItem(item: ItemRef, { of = false } = {}): string {
  const noun = of ? ofThe(item.workflow) : withArticle(item.workflow);
  return `${noun} ${titleAndFolio(item)}`;
}

/** «abierto» / «abierta», agreeing with the item's noun. */
const open = (item: ItemRef) => agree(['abierto', 'abierta'], WORKFLOW_NOUNS[item.workflow].gender);

/** «Publicado», «Publicada», «En revisión»: the state agreeing with the item's noun. */
const stateLabel = (item: ItemRef, state: string) => capitalize(stateWord(item.workflow, state));

const SIGNATURE = 'Dirección de Comunicación Social y Gobierno Digital · Ayuntamiento de Calimaya';

/** Paragraphs (or `null` to skip) and optional links into one text and one HTML body. */
export function compose(
  subject: string,
  blocks: (string | { link: string; label: string } | { list: string[] } | null)[]
): Message {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    if (block === null) continue;
    if (typeof block === 'string') {
      text.push(block);
      html.push(`<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`);
    } else if ('link' in block) {
      text.push(`${block.label}: ${block.link}`);
      html.push(`<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`);
    } else if (block.list.length > 0) {
      text.push(block.list.map((line) => `  • ${line}`).join('\n'));
      html.push(`<ul>${block.list.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`);
    }
  }
  text.push(`—\n${SIGNATURE}`);
  html.push(`<p style="color:#666;font-size:12px">${escapeHtml(SIGNATURE)}</p>`);
  return {
    subject,
    text: text.join('\n\n'),
    html: `<!doctype html><html lang="es"><body style="font-family:sans-serif">${html.join('')}</body></html>`,
  };
}

const adminLink = (baseUrl: string, item: ItemRef) =>
  item.oficioDocumentId
    ? { link: oficioAdminUrl(baseUrl, item.oficioDocumentId), label: 'Abrir el oficio en el panel' }
    : null;

/** To the area: a proposal is ready for its review, with the link to approve or observe it. */
export function proposalForReview(input: {
  item: ItemRef;
  approvalUrl: string | null;
  expiresAt?: string | null;
  comment?: string | null;
  /** The oficio's page in the Portal de áreas, where the area may also decide. */
  portalUrl?: string | null;
}): Message {
  const { item } = input;
  return compose(
    `Propuesta de ${WORKFLOW_NOUNS[item.workflow].singular} para su revisión: ${item.title}`,
    [
      `La Dirección de Comunicación Social envió una propuesta ${theItem(item, { of: true })} para su revisión.`,
      input.comment ? `Comentario de la Dirección: ${input.comment}` : null,
      input.approvalUrl
        ? {
            link: input.approvalUrl,
            label: 'Revisar la propuesta y aprobarla o enviar observaciones',
          }
        : 'Puede revisarla y responder desde su cuenta del sistema.',
      input.approvalUrl && input.expiresAt
        ? `El enlace es personal, sirve una sola vez y vence el ${longDate(input.expiresAt.slice(0, 10))}.`
        : null,
      input.portalUrl
        ? { link: input.portalUrl, label: 'También puede revisarla en el Portal de áreas' }
        : null,
    ]
  );
}

/** «el oficio DCSGD/0007/2027 («Difusión de la feria»)». */
const theOficio = (folio: string, subject?: string | null) =>
  `el oficio ${folio}${subject ? ` («${subject}»)` : ''}`;

/** To the area: its oficio was answered; the answer document travels attached when there is one. */
export function oficioAnswered(input: {
  folio: string;
  subject?: string | null;
  responseFolio?: string | null;
  responseDate?: IsoDate | null;
  /** File name of the answer document attached to the e-mail, if any. */
  attachmentName?: string | null;
  portalUrl: string;
}): Message {
  const answer = [
    input.responseFolio ? `Folio de la respuesta: ${input.responseFolio}.` : null,
    input.responseDate ? `Fecha de la respuesta: ${longDate(input.responseDate)}.` : null,
  ].filter(Boolean);
  return compose(`Oficio ${input.folio} atendido`, [
    `La Dirección de Comunicación Social y Gobierno Digital atendió ${theOficio(input.folio, input.subject)}.`,
    answer.length ? answer.join('\n') : null,
    input.attachmentName
      ? `Se adjunta el oficio de respuesta (${input.attachmentName}).`
      : 'El oficio de respuesta estará disponible en el Portal de áreas.',
    {
      link: input.portalUrl,
      label: 'Ver el oficio y descargar la respuesta en el Portal de áreas',
    },
  ]);
}

/** To the area: the office needs more information before it can attend the oficio. */
export function informationRequested(input: {
  folio: string;
  subject?: string | null;
  /** What the coordination wrote it is missing. */
  missing?: string | null;
  /** What the services still lack, as the system computes it (when it adds to the above). */
  lacking?: string | null;
  portalUrl: string;
}): Message {
  const missing = input.missing?.trim() || null;
  const lacking = input.lacking?.trim() || null;
  return compose(`Falta información en su oficio ${input.folio}`, [
    `Para atender ${theOficio(input.folio, input.subject)}, la Dirección de Comunicación Social y Gobierno Digital necesita información que el oficio no trae.`,
    missing ? `Lo que falta: ${missing}` : null,
    lacking && lacking !== missing ? lacking : null,
    'Los plazos de atención quedan en pausa hasta que la información esté completa.',
    { link: input.portalUrl, label: 'Completar la información en el Portal de áreas' },
  ]);
}

/** To the area: the work was delivered or published. */
export function workDelivered(input: { item: ItemRef; to: string; comment?: string | null }) {
  const { item } = input;
  const state = stateWord(item.workflow, input.to);
  return compose(`${WORKFLOW_LABELS[item.workflow]} ${state}: ${item.title}`, [
    `Le informamos que ${theItem(item)} quedó ${state}.`,
    input.comment ? `Comentario: ${input.comment}` : null,
    'Gracias por su solicitud.',
  ]);
}

/** To the designer: the area sent observations on a proposal. */
export function observationsReceived(input: {
  item: ItemRef;
  feedback: string | null;
  baseUrl: string;
}): Message & NoticeText {
  const { item } = input;
  const area = item.areaName ?? 'El área';
  const feedback = input.feedback?.trim() || 'Sin texto de observaciones.';
  const message = compose(`Observaciones del área: ${item.title}`, [
    `${area} envió observaciones a la propuesta ${theItem(item, { of: true })}.`,
    `Observaciones: ${feedback}`,
    adminLink(input.baseUrl, item),
  ]);
  return { ...message, title: `Observaciones del área: ${item.title}`, body: feedback };
}

/** To a staff member: they were assigned to an item. */
export function assigned(input: {
  item: ItemRef;
  by?: string | null;
  baseUrl: string;
}): Message & NoticeText {
  const { item } = input;
  const due = item.dueAt ? `Vence el ${longDate(item.dueAt)}.` : null;
  const by = input.by ? ` por ${input.by}` : '';
  const message = compose(`Se te asignó: ${item.title}`, [
    `Se te asignó${by} ${theItem(item)}${item.areaName ? `, de ${item.areaName}` : ''}.`,
    item.status ? `Estado: ${stateLabel(item, item.status)}.` : null,
    due,
    adminLink(input.baseUrl, item),
  ]);
  return {
    ...message,
    title: `Se te asignó: ${item.title}`,
    body: [`${itemName(item)}.`, due].filter(Boolean).join(' '),
  };
}

/** To coordinators: a late request was registered and waits for their acceptance. */
export function lateRequest(input: {
  folio: string;
  oficioDocumentId: string;
  areaName?: string | null;
  reason: string;
  baseUrl: string;
}): Message & NoticeText {
  const area = input.areaName ? ` de ${input.areaName}` : '';
  const subject = `Solicitud extemporánea por aceptar: oficio ${input.folio}`;
  const message = compose(subject, [
    `Se registró el oficio ${input.folio}${area} fuera del plazo de anticipación.`,
    `Motivo: ${input.reason}`,
    'El trabajo no puede iniciar hasta que una coordinación lo acepte con una justificación escrita.',
    {
      link: oficioAdminUrl(input.baseUrl, input.oficioDocumentId),
      label: 'Abrir el oficio en el panel',
    },
  ]);
  return { ...message, title: subject, body: input.reason };
}

/** To assignees: an item is due soon. */
export function reminder(input: { item: ItemRef; dueAt: IsoDate; baseUrl: string }) {
  const { item } = input;
  const subject = `Recordatorio: ${item.title} vence el ${longDate(input.dueAt)}`;
  const message = compose(subject, [
    `${capitalize(theItem(item))} vence el ${longDate(input.dueAt)}.`,
    item.status ? `Estado actual: ${stateLabel(item, item.status)}.` : null,
    adminLink(input.baseUrl, item),
  ]);
  return { ...message, title: subject, body: `${itemName(item)}.` };
}

/** To coordinators: an item is past its due date. */
export function overdueAlert(input: { item: ItemRef; dueAt: IsoDate; baseUrl: string }) {
  const { item } = input;
  const subject = `Vencido: ${item.title} (venció el ${longDate(input.dueAt)})`;
  const message = compose(subject, [
    `${capitalize(theItem(item))}${item.areaName ? `, de ${item.areaName},` : ''} venció el ${longDate(input.dueAt)} y sigue ${open(item)}.`,
    item.status ? `Estado actual: ${stateLabel(item, item.status)}.` : null,
    adminLink(input.baseUrl, item),
  ]);
  return { ...message, title: subject, body: `${itemName(item)}.` };
}

/** A person's daily digest: overdue, due today and due this week. */
export function digest(input: {
  name?: string | null;
  date: IsoDate;
  overdue: readonly DigestItem[];
  today: readonly DigestItem[];
  week: readonly DigestItem[];
  baseUrl: string;
}): Message {
  const counts = [
    `${input.overdue.length} ${byCount(input.overdue.length, 'vencido', 'vencidos')}`,
    `${input.today.length} para hoy`,
    `${input.week.length} esta semana`,
  ].join(', ');
  const line = (item: DigestItem, withDate: boolean) =>
    `${itemName(item)}${item.areaName ? ` · ${item.areaName}` : ''}${withDate ? ` · vence el ${longDate(item.dueAt)}` : ''}`;
  const section = (title: string, items: readonly DigestItem[], withDate: boolean) =>
    items.length === 0 ? [] : [title, { list: items.map((item) => line(item, withDate)) }];
  const base = input.baseUrl.replace(/\/+$/, '');
  return compose(`Resumen del ${longDate(input.date)}: ${counts}`, [
    `Hola${input.name ? `, ${input.name}` : ''}. Este es el resumen de tus pendientes con fecha de entrega.`,
    ...section('Vencidos', input.overdue, true),
    ...section('Vencen hoy', input.today, false),
    ...section('Vencen esta semana', input.week, true),
    { link: `${base}/admin/plugins/comunicacion`, label: 'Abrir las bandejas en el panel' },
  ]);
}
