import { config } from './config.ts';
import { createDocumentClient } from './document-client.ts';

/**
 * The handlers' client, created once per container. A DynamoDB endpoint points it at DynamoDB
 * Local (the local server and the tests); in AWS it is unset and the SDK uses the function's
 * region and role.
 */
export const documentClient = createDocumentClient(config.dynamodbEndpoint);
