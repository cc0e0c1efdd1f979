import * as z from 'zod/mini';
import { routeContract } from '../shared/http/contract.ts';

/** The pages Incr serves about itself, for people: HTML, and the scripts and styles they load. */
export const contracts = {
  landing: routeContract({
    routeKeys: ['GET /'],
    summary: "What this deployment offers, its live statistics and copy-paste examples for its own URL",
    family: 'site',
    auth: 'none',
    request: z.object({}),
    mediaType: 'text/html',
    responses: { 200: z.string() },
  }),
  embedBuilder: routeContract({
    routeKeys: ['GET /embed'],
    summary: 'The embed builder: a hit counter image with its options, previewed, as Markdown, HTML or URL',
    family: 'site',
    auth: 'none',
    request: z.object({}),
    mediaType: 'text/html',
    responses: { 200: z.string() },
  }),
  console: routeContract({
    // API Gateway refuses a route key ending in a slash: the console is one page, its views in the fragment.
    routeKeys: ['GET /console'],
    summary: "The console: an owner's keys, metrics, overrides, usage and account, behind the owner's admin key (kept in the tab)",
    family: 'site',
    auth: 'none',
    request: z.object({}),
    mediaType: 'text/html',
    responses: { 200: z.string() },
  }),
  asset: routeContract({
    routeKeys: ['GET /assets/{file}'],
    summary: "A page's script or stylesheet, at a URL named by its content (cached for a year)",
    family: 'site',
    auth: 'none',
    request: z.object({ file: z.string() }),
    mediaType: ['text/javascript', 'text/css'],
    responses: { 200: z.string() },
    errors: { 404: "No file of this name: an earlier deployment's, or none" },
  }),
};
