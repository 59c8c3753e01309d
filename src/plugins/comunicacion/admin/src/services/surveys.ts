import * as React from 'react';
import type { GetSurveyResults, ListSurveys } from '../../../shared/contracts/surveys';
import { saveFile, useFetchFile } from './files';
import { comunicacionApi, queryString } from './api';

export interface SurveyResultsArgs {
  documentId: string;
  /** The page of each text question's answers, by question key. */
  textPages: Record<string, number>;
}

/** The site's surveys and their results. Survey answers arrive from the public site only. */
const surveysApi = comunicacionApi.injectEndpoints({
  endpoints: (build) => ({
    listSurveys: build.query<ListSurveys.Response['data'], void>({
      query: () => ({ url: '/comunicacion/surveys', method: 'GET' }),
      transformResponse: (response: ListSurveys.Response) => response.data,
      providesTags: [{ type: 'ComunicacionSurvey', id: 'LIST' }],
    }),
    getSurveyResults: build.query<GetSurveyResults.Response['data'], SurveyResultsArgs>({
      query: ({ documentId, textPages }) => {
        const params: Record<string, number> = {};
        for (const [key, page] of Object.entries(textPages)) params[`textPage[${key}]`] = page;
        return {
          url: `/comunicacion/surveys/${encodeURIComponent(documentId)}/results${queryString(params)}`,
          method: 'GET',
        };
      },
      transformResponse: (response: GetSurveyResults.Response) => response.data,
      providesTags: (_result, _error, { documentId }) => [
        { type: 'ComunicacionSurvey', id: documentId },
      ],
    }),
  }),
});

export const { useListSurveysQuery, useGetSurveyResultsQuery } = surveysApi;

/**
 * Downloads a survey's raw responses (`GET /comunicacion/surveys/:documentId/responses.csv`) with
 * the staff member's session (a plain link would not carry it) and hands the file to the browser.
 */
export const useDownloadSurveyResponses = (documentId: string, filename: string) => {
  const fetchFile = useFetchFile();
  const [isDownloading, setDownloading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);

  const download = React.useCallback(async () => {
    setDownloading(true);
    setError(null);
    try {
      const file = await fetchFile(
        `/comunicacion/surveys/${encodeURIComponent(documentId)}/responses.csv`,
        filename
      );
      saveFile(file.data, filename);
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(false);
    }
  }, [documentId, filename, fetchFile]);

  return { download, isDownloading, error };
};
