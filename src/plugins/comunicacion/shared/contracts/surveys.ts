import type { Pagination } from './common';

/** A survey as the results page lists it. */
export interface SurveySummary {
  documentId: string;
  title: string;
  slug: string;
  /** The area on whose behalf Gobierno Digital made the survey (null for an older survey). */
  area: { documentId: string; name: string; shortName: string | null } | null;
  /** A published version exists (the public site may show it). */
  published: boolean;
  /** Published and within opensAt / closesAt now. */
  open: boolean;
  opensAt: string | null;
  closesAt: string | null;
  questionCount: number;
  responseCount: number;
  lastResponseAt: string | null;
}

export type SurveyQuestionKind = 'opcion_unica' | 'opcion_multiple' | 'escala' | 'texto';

/** Count of one option or scale value among the respondents who answered the question. */
export interface ValueCount {
  value: string;
  count: number;
  /** Share of the question's answers, 0-100 with one decimal (multiple choice may add up to more). */
  percentage: number;
  /** The value is no longer among the question's options (the survey was edited). */
  retired?: boolean;
}

export interface QuestionResult {
  key: string;
  prompt: string;
  kind: SurveyQuestionKind;
  required: boolean;
  /** Responses that answered this question. */
  answered: number;
  /** opcion_unica and opcion_multiple. */
  options?: ValueCount[];
  /** escala. */
  scale?: { min: number; max: number; mean: number | null; distribution: ValueCount[] };
  /** texto: the latest answers first. */
  texts?: { items: { text: string; submittedAt: string | null }[]; pagination: Pagination };
}

/**
 * GET /comunicacion/surveys
 *
 * Every survey (drafts included) with its response count, newest first. Needs
 * plugin::comunicacion.surveys.read.
 */
export declare namespace ListSurveys {
  export interface Request {
    query: Record<string, never>;
  }
  export interface Response {
    data: SurveySummary[];
  }
}

/**
 * GET /comunicacion/surveys/:documentId/results
 *
 * Per question: counts and percentage per option, mean and distribution of a scale, the latest
 * text answers paginated (`textPage[<question key>]`, `textPageSize` 1-50, default 10).
 * 404 NOT_FOUND for an unknown survey.
 */
export declare namespace GetSurveyResults {
  export interface Request {
    params: { documentId: string };
    query: { textPage?: Record<string, string>; textPageSize?: string };
  }
  export interface Response {
    data: {
      survey: SurveySummary;
      /** Responses received. */
      total: number;
      questions: QuestionResult[];
    };
  }
}

/**
 * GET /comunicacion/surveys/:documentId/responses.csv
 *
 * Every response as a row (UTF-8 with BOM, CRLF, RFC 4180): date and time of submission in
 * Mexico City, then one column per question. Nothing that identifies the respondent.
 */
export declare namespace DownloadSurveyResponses {
  export interface Request {
    params: { documentId: string };
  }
  /** text/csv; charset=utf-8 */
  export type Response = string;
}
