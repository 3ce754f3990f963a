/** The chat API key test apps are started with (`REST_API_KEY`), unless a test sets its own. */
export const testRestApiKey = 'test-rest-api-key-0123456789abcdef';

/** The header every chat API call needs. */
export const restApiAuth = { authorization: `Bearer ${testRestApiKey}` };
