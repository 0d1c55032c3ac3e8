import { controlUrl, parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it.each([
    [['user', '5511987654321', '--name', 'Ana'], { kind: 'control', method: 'POST', path: 'users', body: { waId: '5511987654321', name: 'Ana' } }],
    [['say', '5511987654321', 'Oi', '--referral'], { kind: 'control', method: 'POST', path: 'users/5511987654321/messages', body: { text: 'Oi', referral: true } }],
    [['tap', '1', 'STOP', 'Parar'], { kind: 'control', method: 'POST', path: 'users/1/messages', body: { button: { payload: 'STOP', text: 'Parar' } } }],
    [['stop-marketing', '1'], { kind: 'control', method: 'POST', path: 'users/1/preferences', body: { value: 'stop' } }],
    [['resume-marketing', '1'], { kind: 'control', method: 'POST', path: 'users/1/preferences', body: { value: 'resume' } }],
    [['inspect'], { kind: 'control', method: 'GET', path: 'inspect', body: undefined }],
    [['start', '--port', '5000', '--webhook-url', 'http://x/wh'], { kind: 'start', port: 5000, webhookUrl: 'http://x/wh', appSecret: undefined, token: undefined }],
    [['say', '1'], { kind: 'usage', error: 'say needs a waId and a text' }],
    [['dance'], { kind: 'usage', error: 'unknown command dance' }],
    [[], { kind: 'usage', error: undefined }],
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual(expected);
  });

  it('reads the sandbox URL', () => {
    expect(controlUrl(['inspect', '--url', 'http://h:1'])).toBe('http://h:1');
    expect(controlUrl(['inspect'])).toBe('http://127.0.0.1:4010');
  });
});
