import { useApi } from '../../../hooks/useApi';
import type { GetSurveyResults, ListSurveys } from '../../../../../shared/contracts/surveys';

export type SurveyResults = GetSurveyResults.Response['data'];

/** Every survey with its response count. */
export const useSurveyList = () => {
  const { data, ...state } = useApi<ListSurveys.Response>('/comunicacion/surveys');
  return { ...state, data: data?.data };
};

/** One survey's results; `textPages` holds the page of each text question by its key. */
export const useSurveyResults = (documentId: string, textPages: Record<string, number>) => {
  const params: Record<string, number> = {};
  for (const [key, page] of Object.entries(textPages)) params[`textPage[${key}]`] = page;
  const { data, ...state } = useApi<GetSurveyResults.Response>(
    `/comunicacion/surveys/${encodeURIComponent(documentId)}/results`,
    params
  );
  return { ...state, data: data?.data };
};
