import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestError } from '@azure/core-rest-pipeline';
import { describeAzureError, isSignInError, redactSecrets, SignInRequiredError } from '../../src/azure/index';

const JWT = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJvaWQiOiJhIiwidGlkIjoiYiJ9.';

describe('Azure errors in words', () => {
  it('keeps the Entra sentence of an MFA failure and drops trace ids', () => {
    const error = new RestError(
      'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication. Trace ID: 1234 Correlation ID: 5678',
      { statusCode: 401, code: 'InvalidAuthenticationToken' },
    );
    assert.equal(
      describeAzureError(error),
      'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.',
    );
    assert.equal(isSignInError(error), true);
  });

  it('leads with the ARM error code when the message does not', () => {
    const error = new RestError("The client 'x' does not have authorization to perform action 'read'.", { statusCode: 403, code: 'AuthorizationFailed' });
    assert.equal(describeAzureError(error), "AuthorizationFailed: The client 'x' does not have authorization to perform action 'read'.");
    assert.equal(isSignInError(error), false);
  });

  it('treats a missing sign-in as a sign-in error', () => {
    assert.equal(isSignInError(new SignInRequiredError('You are not signed in to tenant t.', 't')), true);
  });

  it('never repeats a token found in an error message', () => {
    const text = describeAzureError(new Error(`request failed with Authorization: Bearer ${JWT}abcdefghijklmnop`));
    assert.doesNotMatch(text, /eyJ/);
    assert.equal(redactSecrets('access_token=abcdefghijklmnopqrstuvwxyz0123'), 'access_token= <redacted>');
  });
});
