import { WORKFLOWS, WORKFLOW_KEYS, planCreate, planTransition, type WorkflowKey } from '..';
import {
  NOUNS,
  STATE_WORDS,
  WORKFLOW_NOUNS,
  article,
  capitalize,
  countOf,
  hasStateWord,
  ofThe,
  stateWord,
  toThe,
  withArticle,
} from '../grammar';
import {
  BASE_ITEMS,
  SETTINGS,
  actor,
  allowedRoles,
  baseFacts,
  calendar,
  edges,
  happyItem,
} from './helpers';
import { grammarProblems } from './grammar-check';
import { STAFF_ROLES } from '../roles';

const GENDERS: Record<WorkflowKey, 'm' | 'f'> = {
  oficio: 'm',
  design: 'm',
  'coverage-event': 'f',
  'social-post': 'f',
  'web-publication': 'f',
  'transparency-document': 'm',
  'email-account-request': 'f',
  advisory: 'f',
};

describe('grammar table', () => {
  it('every workflow type has its noun, with the gender of the Spanish word', () => {
    for (const key of Object.keys(WORKFLOWS) as WorkflowKey[]) {
      expect(WORKFLOW_NOUNS[key]).toBeDefined();
      expect(WORKFLOW_NOUNS[key].gender).toBe(GENDERS[key]);
      // The noun is the workflow's label, in lower case, and its plural differs.
      expect(WORKFLOW_NOUNS[key].singular).toBe(WORKFLOWS[key].label.toLocaleLowerCase('es-MX'));
      expect(WORKFLOW_NOUNS[key].plural).not.toBe(WORKFLOW_NOUNS[key].singular);
    }
  });

  it('every state of every workflow has its word, and the word is the state label', () => {
    for (const key of WORKFLOW_KEYS) {
      for (const [state, label] of Object.entries(WORKFLOWS[key].states)) {
        expect({ key, state, entry: hasStateWord(state) }).toEqual({ key, state, entry: true });
        const word = STATE_WORDS[state];
        const read = label.toLocaleLowerCase('es-MX');
        if ('agrees' in word) expect(word.agrees).toContain(read);
        else expect(word.phrase.endsWith(read)).toBe(true);
      }
    }
  });

  it('articles, contractions and counts follow gender and number', () => {
    expect(article('design')).toBe('el');
    expect(article('web-publication')).toBe('la');
    expect(article('transparency-document', 'indefinite')).toBe('un');
    expect(article('advisory', 'indefinite')).toBe('una');
    expect(article('coverage-event', 'definite', 2)).toBe('las');
    expect(article('oficio', 'definite', 3)).toBe('los');
    expect(withArticle('web-publication')).toBe('la publicación en el sitio web');
    expect(withArticle('social-post', 'definite', 2)).toBe('las publicaciones en redes sociales');
    expect(withArticle('email-account-request', 'indefinite')).toBe(
      'una solicitud de cuenta de correo institucional'
    );
    expect(ofThe('design')).toBe('del diseño');
    expect(ofThe('coverage-event')).toBe('de la cobertura de evento');
    expect(ofThe('transparency-document', 2)).toBe('de los documentos de transparencia');
    expect(toThe('oficio')).toBe('al oficio');
    expect(toThe('advisory')).toBe('a la asesoría a organismos auxiliares');
    expect(countOf(1, NOUNS.trabajo, ['abierto', 'abierta'])).toBe('1 trabajo abierto');
    expect(countOf(2, NOUNS.trabajo, ['abierto', 'abierta'])).toBe('2 trabajos abiertos');
    expect(countOf(0, NOUNS.trabajo, ['abierto', 'abierta'])).toBe('0 trabajos abiertos');
    expect(countOf(1, 'coverage-event', ['programado', 'programada'])).toBe(
      '1 cobertura de evento programada'
    );
    expect(countOf(3, NOUNS.ronda)).toBe('3 rondas');
    expect(countOf(1, NOUNS.referencia, ['roto', 'rota'])).toBe('1 referencia rota');
    expect(countOf(1, NOUNS.fila)).toBe('1 fila');
    expect(capitalize('la cobertura')).toBe('La cobertura');
  });

  it('states agree with the noun: «documento publicado», «publicación publicada»', () => {
    expect(stateWord('transparency-document', 'publicada')).toBe('publicado');
    expect(stateWord('web-publication', 'publicada')).toBe('publicada');
    expect(stateWord('design', 'entregado')).toBe('entregado');
    expect(stateWord('coverage-event', 'entregada')).toBe('entregada');
    expect(stateWord('advisory', 'cancelada')).toBe('cancelada');
    expect(stateWord('oficio', 'cancelado')).toBe('cancelado');
    expect(stateWord('transparency-document', 'recibida')).toBe('recibido');
    expect(stateWord('transparency-document', 'lista')).toBe('listo');
    expect(stateWord('social-post', 'borrador')).toBe('en borrador');
    expect(stateWord('email-account-request', 'dada_de_baja', 2)).toBe('dadas de baja');
    expect(stateWord('email-account-request', 'atendida')).toBe('atendida');
    expect(stateWord('oficio', 'informacion_incompleta')).toBe('con información incompleta');
    expect(stateWord('design', 'publicado', 2)).toBe('publicados');
    expect(stateWord('email-account-request', 'verificada', 2)).toBe('verificadas');
  });

  it('the checker finds the mistakes it is meant to find', () => {
    expect(
      grammarProblems('Le informamos que el publicación en el sitio web quedó lista.')
    ).toEqual(['artículo «el» con «publicación en el sitio web»']);
    expect(grammarProblems('Documento de transparencia publicada', 'm')).toEqual([
      '«publicada» no concuerda (masculino)',
    ]);
    expect(grammarProblems('Queda 1 trabajos abiertos.')).toEqual(['plural con 1: «1 trabajos»']);
    expect(grammarProblems('Área: undefined')).toHaveLength(1);
    expect(grammarProblems('Vence el lunes 1 de marzo; 1 mes; la cobertura de evento.')).toEqual(
      []
    );
  });
});

describe('engine messages name each type with its article', () => {
  it('a role that may not act, over every transition of every workflow', () => {
    for (const key of WORKFLOW_KEYS) {
      for (const { from, to } of edges(key)) {
        const allowed = allowedRoles(key, from, to, baseFacts(key));
        const outsider = STAFF_ROLES.find((role) => !allowed.includes(role));
        if (!outsider) continue;
        const result = planTransition({
          workflow: key,
          from,
          to,
          actor: actor(outsider),
          item: happyItem(key, from, to),
          facts: baseFacts(key),
          calendar,
          settings: SETTINGS,
        });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.code).toBe('TRANSITION_FORBIDDEN');
        expect(result.message).toContain(
          `Tu rol no puede pasar ${withArticle(key, 'indefinite')} de «`
        );
        expect({ key, from, to, problems: grammarProblems(result.message) }).toEqual({
          key,
          from,
          to,
          problems: [],
        });
      }
    }
  });

  it('an area that may not register work: «Tu rol no puede registrar una publicación …»', () => {
    const refusal = planCreate({
      workflow: 'web-publication',
      actor: actor('area'),
      item: { ...BASE_ITEMS['web-publication'], status: undefined },
      facts: baseFacts('web-publication'),
      calendar,
      settings: SETTINGS,
    });
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) {
      expect(refusal.message).toMatch(
        /^Tu rol no puede registrar una publicación en el sitio web\. /
      );
    }
    for (const key of WORKFLOW_KEYS.filter((k) => k !== 'oficio')) {
      const result = planCreate({
        workflow: key,
        actor: actor('area'),
        item: { ...BASE_ITEMS[key], status: undefined },
        facts: baseFacts(key),
        calendar,
        settings: SETTINGS,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain(`registrar ${withArticle(key, 'indefinite')}.`);
        expect(grammarProblems(result.message)).toEqual([]);
      }
    }
  });
});
