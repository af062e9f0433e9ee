import { createHash } from 'node:crypto';
import { computeZaloSignature, verifyZaloSignature } from '../../../../src/channels/zalo/zalo.signature';
import { numberedChoices, splitMessage } from '../../../../src/channels/zalo/zalo.text';

describe('Zalo webhook signature', () => {
  const input = {
    appId: '3608465249409',
    rawBody: Buffer.from('{"a":"Đèn đường hỏng"}'),
    timestamp: '1543908534740',
    secret: 'oa-secret',
  };
  const expected = `mac=${createHash('sha256').update('3608465249409{"a":"Đèn đường hỏng"}1543908534740oa-secret').digest('hex')}`;

  it('when computed, then it is mac= plus sha256 of app id, raw body, timestamp and secret concatenated', () => {
    expect(computeZaloSignature(input)).toBe(expected);
  });

  it('when the header matches (with or without mac=, any hex case), then it verifies', () => {
    expect(verifyZaloSignature(expected, input)).toBe(true);
    expect(verifyZaloSignature(expected.slice(4).toUpperCase(), input)).toBe(true);
  });

  it('when anything differs or the header is missing, then it does not verify', () => {
    expect(verifyZaloSignature(undefined, input)).toBe(false);
    expect(verifyZaloSignature('mac=deadbeef', input)).toBe(false);
    expect(verifyZaloSignature(expected, { ...input, rawBody: Buffer.from('{"a":"Đèn đường hỏng" }') })).toBe(
      false,
    );
    expect(verifyZaloSignature(expected, { ...input, timestamp: '1543908534741' })).toBe(false);
    expect(verifyZaloSignature(expected, { ...input, secret: 'app-secret' })).toBe(false);
  });
});

describe('splitMessage', () => {
  it('when text fits, then it is one part', () => {
    expect(splitMessage('Xin chào.')).toEqual(['Xin chào.']);
    expect(splitMessage('   ')).toEqual([]);
  });

  it('when text is long, then parts stay under the limit, end on sentence boundaries and keep every word', () => {
    const sentence = 'Ủy ban nhân dân xã đã tiếp nhận phản ánh của ông bà về việc sạt lở cầu tràn. ';
    const text = sentence.repeat(60);
    const parts = splitMessage(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.endsWith('cầu tràn.')).toBe(true);
    }
    expect(parts.join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
  });

  it('when one sentence is longer than the limit, then it is cut between words, and an endless word is cut hard', () => {
    const words = Array.from({ length: 50 }, (_, i) => `từ${i}`).join(' ');
    const parts = splitMessage(words, 40);
    expect(parts.every((p) => p.length <= 40)).toBe(true);
    expect(parts.join(' ')).toBe(words);
    const url = 'x'.repeat(95);
    expect(splitMessage(url, 40)).toEqual(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(15)]);
  });
});

describe('numberedChoices', () => {
  it('when choices are given, then they are listed with numbers to reply with', () => {
    expect(numberedChoices('Bạn muốn làm gì?', ['Hỏi chính sách', 'Gửi phản ánh'])).toBe(
      'Bạn muốn làm gì?\n\n1. Hỏi chính sách\n2. Gửi phản ánh',
    );
    expect(numberedChoices('Chỉ văn bản', [])).toBe('Chỉ văn bản');
  });
});
