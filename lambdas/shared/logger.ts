import { Logger } from '@aws-lambda-powertools/logger';
import { config } from './config.ts';

/** One structured JSON logger per container. */
export const logger = new Logger({ serviceName: config.serviceName });
