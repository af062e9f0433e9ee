import { redactPersonalData } from '../../src/logger';
import { memoryLogger } from '../helpers/app';

describe('redactPersonalData', () => {
  it.each([
    ['Gọi tôi số 0912 345 678 nhé', 'Gọi tôi số [phone] nhé'],
    ['SĐT +84912345678', 'SĐT [phone]'],
    ['CCCD 038123456789 của tôi', 'CCCD [id] của tôi'],
    ['email nguyen.van.a@gmail.com', 'email [email]'],
  ])('when text holds personal data (%s), then it is replaced', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('when text holds ordinary numbers, then they stay', () => {
    expect(redactPersonalData('Nghị quyết 58-NQ/TW năm 2020, tăng 12,5%')).toBe(
      'Nghị quyết 58-NQ/TW năm 2020, tăng 12,5%',
    );
  });
});

describe('logger redaction', () => {
  it('when a log object carries contact fields or message text, then they are censored', () => {
    const log = memoryLogger('info');
    log.logger.info(
      { contact: { phone: '0912345678' }, user: { name: 'Nguyễn Văn A' }, text: 'nội dung' },
      'x',
    );
    const line = log.lines()[0] ?? '';
    expect(line).not.toContain('0912345678');
    expect(line).not.toContain('Nguyễn Văn A');
    expect(line).not.toContain('nội dung');
    expect(line).toContain('[redacted]');
  });
});
