import fc from 'fast-check';
import { signWebhook } from '@recado/meta-sandbox';
import { checkSignature, signatureHeader } from './signature';

const SECRET = 'app-secret-one';
const OTHER = 'app-secret-two';

describe('checkSignature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}],"note":"caf\\u00e9 \\/ 😀"}');

  it('accepts the signature Meta computes over the exact bytes', () => {
    expect(checkSignature(body, signatureHeader(body, SECRET), [SECRET])).toBeUndefined();
  });

  it("agrees with the sandbox's signer", () => {
    expect(checkSignature(body, signWebhook(body, SECRET), [SECRET])).toBeUndefined();
  });

  it('accepts any of several secrets (rotation, several apps)', () => {
    expect(checkSignature(body, signatureHeader(body, OTHER), [SECRET, OTHER])).toBeUndefined();
  });

  it.each([
    ['no header', undefined, 'MISSING_SIGNATURE'],
    ['an empty header', '', 'MISSING_SIGNATURE'],
    ['sha1 instead of sha256', `sha1=${'a'.repeat(40)}`, 'MALFORMED_SIGNATURE'],
    ['a short digest', `sha256=${'a'.repeat(63)}`, 'MALFORMED_SIGNATURE'],
    ['non-hex characters', `sha256=${'g'.repeat(64)}`, 'MALFORMED_SIGNATURE'],
    ['the digest without its prefix', signatureHeader(body, SECRET).slice(7), 'MALFORMED_SIGNATURE'],
    ['another secret', signatureHeader(body, 'not-our-secret'), 'SIGNATURE_MISMATCH'],
  ])('rejects %s', (_case, header, failure) => {
    expect(checkSignature(body, header, [SECRET])).toBe(failure);
  });

  it('rejects a signature over the re-serialised JSON (a classic integration bug)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
    expect(reserialised.equals(body)).toBe(false);
    expect(checkSignature(body, signatureHeader(reserialised, SECRET), [SECRET])).toBe('SIGNATURE_MISMATCH');
  });

  it('accepts an upper-case hex digest', () => {
    const header = `sha256=${signatureHeader(body, SECRET).slice(7).toUpperCase()}`;
    expect(checkSignature(body, header, [SECRET])).toBeUndefined();
  });

  it('rejects any change of a single byte of the body', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 256 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, flip) => {
        const original = Buffer.from(bytes);
        const tampered = Buffer.from(bytes);
        const index = at % tampered.length;
        tampered[index] = (tampered[index] ?? 0) ^ flip;
        const header = signatureHeader(original, SECRET);
        expect(checkSignature(original, header, [SECRET])).toBeUndefined();
        expect(checkSignature(tampered, header, [SECRET])).toBe('SIGNATURE_MISMATCH');
      }),
    );
  });
});
