import { answerActivity } from '../../../dialogs/ask-question.dialog';
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

  it('when an answer has citations, then its text goes out unchanged and its channel data names each document once', () => {
    const citation = (documentId: string, quote: string) => ({
      documentId,
      title: 'Nghị quyết Đại hội XX',
      source: 'https://thanhhoa.gov.vn/nq',
      date: '2025-10-01',
      quote,
    });
    const answer = 'Nghị quyết xác định 8 nhiệm vụ trọng tâm.\n\nNguồn: «Nghị quyết Đại hội XX», 2025-10-01';
    const activity = answerActivity({
      answer,
      grounded: true,
      citations: [citation('d1', '8 nhiệm vụ'), citation('d1', 'trọng tâm'), citation('d2', 'khâu đột phá')],
    });
    expect({ text: activity.text, channelData: activity.channelData as unknown }).toEqual({
      text: answer,
      channelData: { knowledge: { grounded: true, documentIds: ['d1', 'd2'] } },
    });
  });
});
