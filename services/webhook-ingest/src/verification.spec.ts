import { answerVerification } from './verification';

const TOKEN = 'verify-token-123';
const answer = (query: string) => answerVerification(new URLSearchParams(query), TOKEN);

describe('answerVerification', () => {
  it('echoes the challenge exactly, as plain text', () => {
    expect(answer(`hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=abc%20123`)).toEqual({ status: 200, body: 'abc 123', contentType: 'text/plain' });
  });

  it.each([
    ['wrong token', `hub.mode=subscribe&hub.verify_token=verify-token-124&hub.challenge=1`],
    ['token prefix', `hub.mode=subscribe&hub.verify_token=verify&hub.challenge=1`],
    ['empty token', `hub.mode=subscribe&hub.verify_token=&hub.challenge=1`],
    ['wrong mode', `hub.mode=SUBSCRIBE&hub.verify_token=${TOKEN}&hub.challenge=1`],
    ['no mode', `hub.verify_token=${TOKEN}&hub.challenge=1`],
    ['empty challenge', `hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=`],
  ])('refuses with 403: %s', (_case, query) => {
    expect(answer(query)).toMatchObject({ status: 403, cause: 'verification_failed' });
  });
});
