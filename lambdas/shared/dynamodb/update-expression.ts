import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';

/**
 * An UpdateItem built from parts, so that a piece shared by several updates (a new item's TTL, say)
 * is written once and joined into any expression without editing strings: each part names its
 * actions per clause and the attribute names and values they use.
 */
export interface UpdatePart {
  /** Actions of the ADD clause, e.g. `#count :cost`. */
  add?: readonly string[];
  /** Actions of the SET clause, e.g. `#count = :next`. */
  set?: readonly string[];
  names?: Record<string, string>;
  values?: Record<string, NativeAttributeValue>;
}

export interface BuiltUpdate {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, NativeAttributeValue>;
}

export const buildUpdate = (...parts: UpdatePart[]): BuiltUpdate => {
  const clause = (keyword: string, actions: readonly string[]) => (actions.length > 0 ? [`${keyword} ${actions.join(', ')}`] : []);
  return {
    UpdateExpression: [...clause('ADD', parts.flatMap((part) => part.add ?? [])), ...clause('SET', parts.flatMap((part) => part.set ?? []))].join(' '),
    ExpressionAttributeNames: Object.assign({}, ...parts.map((part) => part.names ?? {})),
    ExpressionAttributeValues: Object.assign({}, ...parts.map((part) => part.values ?? {})),
  };
};
