import { config } from './config.ts';

/** Function modules take the key schema and the configured table name from here. */
export { table } from './table-keys.ts';

export const tableName = (): string => {
  if (!config.tableName) throw new Error('TABLE_NAME is not set');
  return config.tableName;
};
