import { z } from 'zod';
import { DocumentSummary, MeasureRecord, PageRequest, ReportQuery, pageOf } from '../store/query.ts';
import type { ReportStore } from '../store/report-store.ts';
import { parseRequest } from './api-route.ts';
import type { RouteAdder } from './api-route.ts';
import { ApiError } from './api-schemas.ts';

/** The store's filter and page request, as query parameters; unknown parameters are refused (typos). */
export const ListQuery = z.object({ ...ReportQuery.shape, ...PageRequest.shape }).strict();

const DocumentPage = pageOf(DocumentSummary).meta({ id: 'DocumentPage' });
const MeasurePage = pageOf(MeasureRecord).meta({ id: 'MeasurePage' });

function split(query: z.infer<typeof ListQuery>): [ReportQuery, PageRequest] {
  const { cursor, limit, ...filter } = query;
  return [filter, { ...(cursor === undefined ? {} : { cursor }), ...(limit === undefined ? {} : { limit }) }];
}

const errors = {
  400: { description: 'A filter or the cursor is invalid (`http/bad-request`, `store/bad-filter`, `store/bad-cursor`).', schema: ApiError },
  401: { description: 'No token or a wrong one.', schema: ApiError },
};

/**
 * `GET /v1/documents` and `GET /v1/measures`: the store's query layer (src/store/query.ts), the
 * same filter `reportmill export` takes. Keyset pages in a stable order: follow `nextCursor`.
 */
export function registerListRoutes(route: RouteAdder, store: ReportStore): void {
  route(
    {
      method: 'get',
      path: '/v1/documents',
      summary: 'Stored documents, newest first',
      description: 'A document matches when its own fields match and, for measure filters (status, goal), one of its measures does.',
      query: ListQuery,
      responses: { 200: { description: 'One page.', schema: DocumentPage }, ...errors },
    },
    async (request) => {
      const [filter, page] = split(parseRequest(ListQuery, request.query, 'query'));
      return DocumentPage.parse(await store.listDocuments(filter, page));
    },
  );

  route(
    {
      method: 'get',
      path: '/v1/measures',
      summary: 'Measures of the stored documents, by document (newest first) then in report order',
      query: ListQuery,
      responses: { 200: { description: 'One page.', schema: MeasurePage }, ...errors },
    },
    async (request) => {
      const [filter, page] = split(parseRequest(ListQuery, request.query, 'query'));
      return MeasurePage.parse(await store.listMeasures(filter, page));
    },
  );
}
