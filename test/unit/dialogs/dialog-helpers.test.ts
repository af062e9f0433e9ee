import { formatAnswer } from '../../../dialogs/ask-question.dialog';
import { findTrackingCode, globalCommand, readPin } from '../../../dialogs/dialog-helpers';
import { isValidPhone } from '../../../dialogs/feedback-draft';

describe('dialog helpers', () => {
  it.each([
    ['hủy', 'cancel'],
    ['Huy', 'cancel'],
    ['thôi', 'cancel'],
    ['THOI', 'cancel'],
    ['menu', 'menu'],
    ['trợ giúp', 'help'],
    ['tro giup!', 'help'],
    ['hủy phản ánh hôm qua', undefined],
    ['thôi việc', undefined],
  ])('when the citizen types "%s", then the global command is %s', (text, expected) => {
    expect(globalCommand(text)).toBe(expected);
  });

  it('when a message names a tracking code in any case or without the dash, then it is found in canonical form', () => {
    expect(findTrackingCode('cho tôi tra cứu th-7k3q9 với')).toBe('TH-7K3Q9');
    expect(findTrackingCode('TH7K3Q9')).toBe('TH-7K3Q9');
    expect(findTrackingCode('không có mã')).toBeUndefined();
    expect(findTrackingCode('nha toi bi nghieng')).toBeUndefined();
    expect(findTrackingCode('mã NAM-7K3Q9')).toBe('NAM-7K3Q9');
  });

  it('when PINs and phone numbers are typed with spaces, then valid ones are accepted and others refused', () => {
    expect(readPin('123 456')).toBe('123456');
    expect(readPin('12')).toBeUndefined();
    expect(isValidPhone('0912 345 678')).toBe(true);
    expect(isValidPhone('+84912345678')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
  });

  it('when an answer has citations, then each source is listed with title, date, link and quote', () => {
    const text = formatAnswer({
      answer: 'Nghị quyết xác định 8 nhiệm vụ trọng tâm.',
      grounded: true,
      citations: [
        {
          documentId: 'd1',
          title: 'Nghị quyết Đại hội XX',
          source: 'https://thanhhoa.gov.vn/nq',
          date: '2025-10-01',
          quote: '8 nhiệm vụ trọng tâm',
        },
      ],
    });
    expect(text).toBe(
      'Nghị quyết xác định 8 nhiệm vụ trọng tâm.\n\nNguồn trích dẫn:\n\n' +
        '1. Nghị quyết Đại hội XX, 2025-10-01 — https://thanhhoa.gov.vn/nq\n   > “8 nhiệm vụ trọng tâm”',
    );
  });
});
