import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/dynamodb.ts';

/** What every quota operation works against: one table through one client, at one instant. */
export interface QuotaContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  nowMs: number;
}

/** The request's context, from what the route hands its operation. */
export const quotaContextOf = ({ table, nowMs }: { table: string; nowMs: number }): QuotaContext => ({ client: documentClient, tableName: table, nowMs });
