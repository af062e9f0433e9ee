import { recogniseChoice, YES_WORDS, NO_WORDS } from '../../../dialogs/choice-recogniser';
import { isValidPhone, normalisePhone } from '../../../dialogs/feedback-draft';
import { botButton } from '../../../dialogs/interruptions';
import { readTaxCode } from '../../../dialogs/business-details.dialog';
import { Activity } from '@microsoft/agents-activity';
import { vi } from '../../../src/i18n/strings.vi';

const CATEGORIES = Object.values(vi.bot.categories).map((value) => ({ value }));
const CONSENT = [
  { value: vi.bot.feedback.consentYes, synonyms: [...YES_WORDS] },
  { value: vi.bot.skip, synonyms: [...NO_WORDS] },
];
const message = (fields: Record<string, unknown>) => Activity.fromObject({ type: 'message', ...fields });

describe('the one choice recogniser', () => {
  it.each([
    ['moi truong', 3],
    ['MÔI TRƯỜNG', 3],
    ['Môi trường'.normalize('NFD'), 3],
    ['rác thải', 3],
    ['tôi chọn giao thông, đường sá nhé', 0],
    ['số 5', 4],
    ['13', 12],
    ['14', -1],
    ['khong biet', -1],
    ['dat', 2],
    ['giao', -1],
  ])('when "%s" answers the category question, then choice %s is taken', (said, index) => {
    expect(recogniseChoice(said, CATEGORIES)).toBe(index);
  });

  it.each([
    ['đồng ý', 0],
    ['dong y', 0],
    ['có ạ', 0],
    ['ok nhé', 0],
    ['vâng', 0],
    ['khong', 1],
    ['ko', 1],
    ['không đồng ý', 1],
    ['bo qua', 1],
    ['có lẽ', -1],
  ])('when "%s" answers the consent question, then choice %s is taken', (said, index) => {
    expect(recogniseChoice(said, CONSENT)).toBe(index);
  });
});

describe('buttons the bot sent', () => {
  it('when each rating button under an answer comes back, then it rates that ticket with its number', () => {
    const buttons = vi.tickets.ratingButtons('TH-7K3Q9');
    expect(buttons.map((text) => botButton(message({ text })))).toEqual(
      [1, 2, 3, 4, 5].map((rating) => ({ kind: 'rate', trackingCode: 'TH-7K3Q9', rating })),
    );
  });

  it.each([
    [
      { value: { action: 'rate', trackingCode: 'th-7k3q9', rating: 4 } },
      { kind: 'rate', trackingCode: 'TH-7K3Q9', rating: 4 },
    ],
    [{ value: { action: 'rate', trackingCode: 'TH-7K3Q9', rating: 9 } }, undefined],
    [{ text: vi.bot.resume.yes }, { kind: 'resume' }],
    [{ text: vi.bot.resume.no }, { kind: 'discard' }],
    [{ text: vi.bot.menu.track }, { kind: 'menu', text: vi.bot.menu.track }],
    [{ text: '5' }, undefined],
  ])('when %j arrives, then it is understood as %j', (fields, expected) => {
    expect(botButton(message(fields))).toEqual(expected);
  });
});

describe('phone numbers and tax codes', () => {
  it.each([
    ['0237 3855 123', true, '02373855123'],
    ['(0237) 3855.123', true, '02373855123'],
    ['+84 237 3855 123', true, '02373855123'],
    ['0912 345 678', true, '0912345678'],
    ['84912345678', true, '0912345678'],
    ['0123 456', false, '0123456'],
    ['12345', false, '12345'],
  ])('when "%s" is typed, then it is a phone: %s, stored as %s', (typed, valid, stored) => {
    expect(isValidPhone(typed)).toBe(valid);
    expect(normalisePhone(typed)).toBe(stored);
  });

  it.each([
    ['2801234567', '2801234567'],
    ['2801234567-001', '2801234567-001'],
    ['28012', undefined],
  ])('when the tax code "%s" is typed, then it reads %s', (typed, read) => {
    expect(readTaxCode(typed)).toBe(read);
  });
});
