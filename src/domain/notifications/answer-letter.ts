import { WORKFLOW_LABELS } from '../workflows/labels';
import { capitalize, stateWord, withArticle } from '../workflows/grammar';

/** The workflows whose verified publication is answered with an answer oficio (PDF). */
export type AnsweredWorkflow = 'web-publication' | 'transparency-document';

/** The sentences of the answer oficio, agreeing with the kind of item it answers for. */
export interface AnswerLetterTexts {
  /** PDF metadata title. */
  title: string;
  /** «Asunto:» line. */
  subject: string;
  /** The paragraph that says what happened. */
  intro: string;
  /** Value of the «Tipo» field. */
  kind: string;
  /** Labels of the «Cuándo» fields: «Publicado» / «Publicada», «Verificado» / «Verificada». */
  publishedLabel: string;
  verifiedLabel: string;
}

/** The answer oficio's texts for `workflow`'s item titled `title`. */
export function answerLetterTexts(input: {
  workflow: AnsweredWorkflow;
  title: string;
  answerFolio: string;
  oficioFolio: string;
}): AnswerLetterTexts {
  const { workflow } = input;
  const requested = stateWord(workflow, 'solicitada');
  const published = stateWord(workflow, 'publicada');
  const verified = stateWord(workflow, 'verificada');
  return {
    title: `Respuesta ${input.answerFolio} al oficio ${input.oficioFolio}`,
    subject: `Asunto: respuesta al oficio ${input.oficioFolio}`,
    intro:
      `En atención a su solicitud, le informo que ${withArticle(workflow)} «${input.title}», ` +
      `${requested} en su oficio, quedó ${published} y ${verified} en el sitio web municipal, ` +
      'como se detalla a continuación.',
    kind: WORKFLOW_LABELS[workflow],
    publishedLabel: capitalize(published),
    verifiedLabel: capitalize(verified),
  };
}
