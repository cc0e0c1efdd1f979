import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { clock } from '../shared/clock.ts';
import { edge } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { parseInput } from '../shared/http/input.ts';
import { json, neverCached, svg } from '../shared/http/responses.ts';
import { creationLimitAnswer } from '../shared/public-creation.ts';
import { tableName } from '../shared/table.ts';
import type { HitCounts } from './hit-store.ts';
import { hitImageRequest, hitRequest, type HitRequest } from './schemas.ts';
import { renderCounter, renderError } from './svg/render.ts';

/**
 * What the hit routes declare on the shared edge: the format suffix (`.json`, the default, or
 * `.svg`), request parsing with the format's schema, answers that no cache keeps, the rendering of
 * counts as JSON or as an image, and errors as `{"error": ...}` or, for images, an error image with
 * the same status.
 */

export interface HitsContext {
  event: APIGatewayProxyEventV2;
  nowMs: number;
  table: string;
}

const table = tableName();

type Format = 'json' | 'svg';
const formatSuffix = /\.(json|svg)$/;

/** The suffix of the path's last segment: on `/hits/{id}` (no resource) an `.svg` still asks for an image. */
const formatOf = (event: APIGatewayProxyEventV2): Format => {
  const { id, resource } = event.pathParameters ?? {};
  return formatSuffix.exec(resource ?? id ?? '')?.[1] === 'svg' ? 'svg' : 'json';
};

const headers = { ...neverCached, 'Access-Control-Expose-Headers': 'Retry-After' };

const parse = <Schema extends z.ZodMiniType>(schema: Schema, event: APIGatewayProxyEventV2): z.output<Schema> => {
  const { id, resource } = event.pathParameters ?? {};
  return parseInput(schema, { ...event.queryStringParameters, id, resource: resource?.replace(formatSuffix, '') });
};

/** Builds the hit route's handler from its operation, which counts (or reads) and returns the numbers. */
export const hitsRoute = (operation: (request: HitRequest, context: HitsContext) => Promise<HitCounts>) =>
  edge(
    {
      answerError: (error, event) => {
        const errorHeaders = { ...headers, ...error.headers };
        return formatOf(event) === 'svg'
          ? svg(error.statusCode, renderError(error.message), errorHeaders)
          : json(error.statusCode, messageErrorShape(error), errorHeaders);
      },
      domainErrors: [creationLimitAnswer],
    },
    async (event) => {
      const context = { event, nowMs: clock.now(), table };
      if (formatOf(event) === 'json') return json(200, await operation(parse(hitRequest, event), context), headers);
      const request = parse(hitImageRequest, event);
      return svg(200, renderCounter(await operation(request, context), request), headers);
    },
  );
