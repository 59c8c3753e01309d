import { WORKFLOWS, WORKFLOW_KEYS, type WorkflowKey } from '../../workflows';
import { WORKFLOW_NOUNS, capitalize, stateWord } from '../../workflows/grammar';
import { grammarProblems } from '../../workflows/__tests__/grammar-check';
import { answerLetterTexts, type AnsweredWorkflow } from '../answer-letter';
import type { DigestItem } from '../rules';
import {
  assigned,
  digest,
  observationsReceived,
  overdueAlert,
  proposalForReview,
  reminder,
  workDelivered,
  type ItemRef,
} from '../templates';

const base = 'https://cs.calimaya.gob.mx';

const ref = (workflow: WorkflowKey, status: string): ItemRef & DigestItem => ({
  workflow,
  status,
  documentId: 'd1',
  title: 'Feria 2027',
  folio: 'DCSGD/0007/2027',
  oficioDocumentId: 'of1',
  areaName: 'Dirección de Cultura',
  dueAt: '2027-03-10',
  people: [],
});

/** Every text a notice of `item` can carry, each with the template that wrote it. */
function renderAll(item: ItemRef & DigestItem, state: string): [string, string][] {
  const texts: [string, string][] = [];
  const add = (name: string, message: object) => {
    for (const [part, value] of Object.entries(message)) {
      if (part !== 'html' && typeof value === 'string') texts.push([`${name}.${part}`, value]);
    }
  };
  add('proposalForReview', proposalForReview({ item, approvalUrl: `${base}/a`, expiresAt: null }));
  add('workDelivered', workDelivered({ item, to: state, comment: 'Sin cambios' }));
  add('observationsReceived', observationsReceived({ item, feedback: 'Cambiar', baseUrl: base }));
  add('assigned', assigned({ item, by: 'Coordinación', baseUrl: base }));
  add('reminder', reminder({ item, dueAt: '2027-03-10', baseUrl: base }));
  add('overdueAlert', overdueAlert({ item, dueAt: '2027-03-10', baseUrl: base }));
  for (const count of [1, 2]) {
    const items = Array.from({ length: count }, () => item);
    add(
      `digest×${count}`,
      digest({
        name: 'Ana',
        date: '2027-03-09',
        overdue: items,
        today: items,
        week: items,
        baseUrl: base,
      })
    );
  }
  return texts;
}

describe('every notice of every workflow type in every state', () => {
  const cases = WORKFLOW_KEYS.flatMap((workflow) =>
    Object.keys(WORKFLOWS[workflow].states).map((state) => [workflow, state] as const)
  );

  it('covers every type and state of the domain', () => {
    expect(cases.length).toBe(
      WORKFLOW_KEYS.reduce((n, key) => n + Object.keys(WORKFLOWS[key].states).length, 0)
    );
    expect(new Set(cases.map(([workflow]) => workflow))).toEqual(new Set(Object.keys(WORKFLOWS)));
  });

  it.each(cases)(
    '%s · %s: article, noun and participle agree; no stray values',
    (workflow, state) => {
      const { gender } = WORKFLOW_NOUNS[workflow];
      const item = ref(workflow, state);
      for (const [name, text] of renderAll(item, state)) {
        expect({ name, text, problems: grammarProblems(text, gender) }).toEqual({
          name,
          text,
          problems: [],
        });
      }
      // The state as the notice names it agrees with the noun.
      const word = stateWord(workflow, state);
      expect(workDelivered({ item, to: state }).text).toContain(` quedó ${word}.`);
      expect(workDelivered({ item, to: state }).subject).toBe(
        `${WORKFLOWS[workflow].label} ${word}: Feria 2027`
      );
      expect(assigned({ item, baseUrl: base }).text).toContain(`Estado: ${capitalize(word)}.`);
    }
  );

  it.each<AnsweredWorkflow>(['web-publication', 'transparency-document'])(
    'answer oficio (PDF) of a %s: article, noun and participles agree',
    (workflow) => {
      const texts = answerLetterTexts({
        workflow,
        title: 'Feria 2027',
        answerFolio: 'DCSGD/0007/2027-R1',
        oficioFolio: 'DCSGD/0007/2027',
      });
      for (const [name, text] of Object.entries(texts)) {
        expect({ name, problems: grammarProblems(text, WORKFLOW_NOUNS[workflow].gender) }).toEqual({
          name,
          problems: [],
        });
      }
    }
  );
});

describe('exact sentences', () => {
  it('a transparency document is «publicado», a web publication «publicada»', () => {
    const document = workDelivered({
      item: ref('transparency-document', 'publicada'),
      to: 'publicada',
    });
    expect(document.subject).toBe('Documento de transparencia publicado: Feria 2027');
    expect(document.text).toContain(
      'Le informamos que el documento de transparencia «Feria 2027» (DCSGD/0007/2027) quedó publicado.'
    );
    const web = workDelivered({ item: ref('web-publication', 'publicada'), to: 'publicada' });
    expect(web.subject).toBe('Publicación en el sitio web publicada: Feria 2027');
    expect(web.text).toContain(
      'Le informamos que la publicación en el sitio web «Feria 2027» (DCSGD/0007/2027) quedó publicada.'
    );
    const design = workDelivered({ item: ref('design', 'entregado'), to: 'entregado' });
    expect(design.text).toContain(
      'Le informamos que el diseño «Feria 2027» (DCSGD/0007/2027) quedó entregado.'
    );
  });

  it('assignment, reminder and overdue alert take the article of the noun', () => {
    expect(
      assigned({ item: ref('coverage-event', 'programada'), by: 'Coordinación', baseUrl: base })
        .text
    ).toContain(
      'Se te asignó por Coordinación la cobertura de evento «Feria 2027» (DCSGD/0007/2027), de Dirección de Cultura.\n\nEstado: Programada.'
    );
    expect(
      reminder({
        item: ref('email-account-request', 'autorizada'),
        dueAt: '2027-03-10',
        baseUrl: base,
      }).text
    ).toContain(
      'La solicitud de cuenta de correo institucional «Feria 2027» (DCSGD/0007/2027) vence el miércoles 10 de marzo de 2027.'
    );
    expect(
      overdueAlert({ item: ref('advisory', 'en_seguimiento'), dueAt: '2027-03-10', baseUrl: base })
        .text
    ).toContain(
      'La asesoría a organismos auxiliares «Feria 2027» (DCSGD/0007/2027), de Dirección de Cultura, venció el miércoles 10 de marzo de 2027 y sigue abierta.'
    );
    expect(
      overdueAlert({
        item: ref('transparency-document', 'recibida'),
        dueAt: '2027-03-10',
        baseUrl: base,
      }).text
    ).toContain(
      'El documento de transparencia «Feria 2027» (DCSGD/0007/2027), de Dirección de Cultura, venció el miércoles 10 de marzo de 2027 y sigue abierto.\n\nEstado actual: Recibido.'
    );
  });

  it('proposals and observations: «del diseño», «de la publicación»', () => {
    expect(
      proposalForReview({ item: ref('design', 'en_revision'), approvalUrl: null }).text
    ).toContain(
      'La Dirección de Comunicación Social envió una propuesta del diseño «Feria 2027» (DCSGD/0007/2027) para su revisión.'
    );
    expect(
      proposalForReview({ item: ref('web-publication', 'en_diseno'), approvalUrl: null }).subject
    ).toBe('Propuesta de publicación en el sitio web para su revisión: Feria 2027');
    expect(
      observationsReceived({
        item: ref('social-post', 'borrador'),
        feedback: 'Otro tono',
        baseUrl: base,
      }).text
    ).toContain(
      'Dirección de Cultura envió observaciones a la propuesta de la publicación en redes sociales «Feria 2027» (DCSGD/0007/2027).'
    );
  });

  it('the answer oficio states what was published, agreeing with its kind', () => {
    const document = answerLetterTexts({
      workflow: 'transparency-document',
      title: 'Directorio',
      answerFolio: 'DCSGD/0007/2027-R1',
      oficioFolio: 'DCSGD/0007/2027',
    });
    expect(document).toEqual({
      title: 'Respuesta DCSGD/0007/2027-R1 al oficio DCSGD/0007/2027',
      subject: 'Asunto: respuesta al oficio DCSGD/0007/2027',
      intro:
        'En atención a su solicitud, le informo que el documento de transparencia «Directorio», ' +
        'solicitado en su oficio, quedó publicado y verificado en el sitio web municipal, como se ' +
        'detalla a continuación.',
      kind: 'Documento de transparencia',
      publishedLabel: 'Publicado',
      verifiedLabel: 'Verificado',
    });
    const web = answerLetterTexts({
      workflow: 'web-publication',
      title: 'Convocatoria',
      answerFolio: 'DCSGD/0008/2027-R1',
      oficioFolio: 'DCSGD/0008/2027',
    });
    expect(web.intro).toContain(
      'la publicación en el sitio web «Convocatoria», solicitada en su oficio, quedó publicada y verificada'
    );
    expect([web.kind, web.publishedLabel, web.verifiedLabel]).toEqual([
      'Publicación en el sitio web',
      'Publicada',
      'Verificada',
    ]);
  });

  it('the digest counts in singular and plural', () => {
    const one = digest({
      date: '2027-03-09',
      overdue: [ref('design', 'en_diseno')],
      today: [],
      week: [],
      baseUrl: base,
    });
    expect(one.subject).toBe(
      'Resumen del martes 9 de marzo de 2027: 1 vencido, 0 para hoy, 0 esta semana'
    );
    const two = digest({
      date: '2027-03-09',
      overdue: [ref('design', 'en_diseno'), ref('advisory', 'abierta')],
      today: [],
      week: [],
      baseUrl: base,
    });
    expect(two.subject).toBe(
      'Resumen del martes 9 de marzo de 2027: 2 vencidos, 0 para hoy, 0 esta semana'
    );
  });
});
