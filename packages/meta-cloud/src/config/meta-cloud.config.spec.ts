import { resolveMetaCloudConfig } from './meta-cloud.config';

describe('resolveMetaCloudConfig', () => {
  it('applies the defaults and trims a trailing slash', () => {
    const result = resolveMetaCloudConfig({ accessToken: 't', phoneNumberId: '106540352242922', baseUrl: 'http://127.0.0.1:8080/' });
    expect(result).toMatchObject({ ok: true, value: { graphApiVersion: 'v23.0', baseUrl: 'http://127.0.0.1:8080', poolSize: 16 } });
  });

  it('names every bad field', () => {
    const result = resolveMetaCloudConfig({ accessToken: ' ', phoneNumberId: 'abc', graphApiVersion: '23', poolSize: 0, requestTimeoutMs: -1, baseUrl: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_CONFIG');
    expect(result.error.violations).toEqual([
      'graphApiVersion must look like v23.0',
      'baseUrl must be an http(s) URL',
      'accessToken is required',
      'phoneNumberId must be numeric',
      'poolSize must be a positive integer',
      'requestTimeoutMs must be positive',
    ]);
  });
});
