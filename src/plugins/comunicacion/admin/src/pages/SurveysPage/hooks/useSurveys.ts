import type { GetSurveyResults } from '../../../../../shared/contracts/surveys';
import { useGetSurveyResultsQuery, useListSurveysQuery } from '../../../services/surveys';

export type SurveyResults = GetSurveyResults.Response['data'];

/** Every survey with its response count. */
export const useSurveyList = () => {
  const { data, error, isFetching } = useListSurveysQuery();
  return { data, error, isLoading: isFetching };
};

/** One survey's results; `textPages` holds the page of each text question by its key. */
export const useSurveyResults = (documentId: string, textPages: Record<string, number>) => {
  const { data, error, isFetching } = useGetSurveyResultsQuery({ documentId, textPages });
  // Another text page keeps the survey on screen while loading; another survey does not.
  const current = data?.survey.documentId === documentId ? data : undefined;
  return { data: current, error, isLoading: isFetching };
};
