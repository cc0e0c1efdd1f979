/**
 * What the bundled functions use in place of the AWS SDK's default credential chain
 * (`@aws-sdk/credential-provider-node`, which lib/function-bundling.ts swaps for this module).
 * Lambda hands a function its role's credentials in the environment; the chain's other sources
 * (SSO, STS web identity, shared INI files, processes, the instance metadata service) never serve
 * a function, yet would be bundled into every one and parsed on every cold start. The tests and the
 * local server never load this module: their clients are given credentials, or use the full chain.
 */
export const defaultProvider = () => async () => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set: Lambda sets them for every function');
  return { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
};
