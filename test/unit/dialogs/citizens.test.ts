import { vi } from '../../../src/i18n/strings.vi';
import {
  playCase,
  startDialogChat,
  type DialogCase,
  type DialogFakes,
  type DialogTurn,
} from '../../helpers/dialog-harness';
import { FakeAnswers, FakeTickets, FakeTriage } from '../../helpers/fake-services';

// What citizens hit, point by point (issue "Conversations that forgive"), each a table of conversations.
const b = vi.bot;
const f = b.feedback;
const r = b.resume;
const CODE = /Mã tra cứu: \*\*(TH-[A-Z0-9]{5})\*\*/;
const MENU = [b.menu.ask, b.menu.feedback, b.menu.business, b.menu.track, b.menu.rate];
const QUANG_PHU = { code: '16222', name: 'Phường Quảng Phú' };
const THIEU_TOAN = { code: '15778', name: 'Xã Thiệu Toán', formerNames: ['Xã Thiệu Chính'] };
const HOANG_HOA = { code: '15865', name: 'Xã Hoằng Hóa' };
const HOANG_TIEN = { code: '15866', name: 'Xã Hoằng Tiến' };
const PUBLISH_BUTTONS = [f.publishYes, f.publishNo];
const SUMMARY_BUTTONS = [f.confirmYes, f.confirmEdit, f.confirmNo];

function world(): DialogFakes {
  return {
    answers: new FakeAnswers([
      {
        match: /so do|giay chung nhan/,
        result: {
          answer: 'Hồ sơ cấp Giấy chứng nhận gồm đơn đăng ký và giấy tờ về quyền sử dụng đất.',
          grounded: true,
          citations: [
            {
              documentId: 'luat-dat-dai',
              title: 'Luật Đất đai 2024',
              source: null,
              date: null,
              quote: 'hồ sơ',
            },
          ],
        },
      },
    ]),
    triage: new FakeTriage(
      [
        { match: /khieu nai/, kind: 'complaint', category: 'dat-dai' },
        { match: /^doanh nghiep chung toi/, kind: 'feedback', category: 'dat-dai', submitter: 'business' },
        { match: /giao dat|thue dat/, kind: 'feedback', category: 'dat-dai' },
        { match: /hoan thue/, kind: 'feedback', category: 'doanh-nghiep-dau-tu' },
        { match: /hoc phi/, kind: 'question', category: 'giao-duc' },
        { match: /den duong|o ga|rac/, kind: 'feedback', category: 'giao-thong' },
      ],
      [QUANG_PHU, THIEU_TOAN, HOANG_HOA, HOANG_TIEN],
    ),
    tickets: new FakeTickets(),
  };
}

/** The turns from the menu to the description prompt of a citizen's feedback about the environment. */
const UP_TO_PLACE: DialogTurn[] = [
  { user: b.menu.feedback },
  { user: f.citizen },
  { user: 'Môi trường, rác thải, ô nhiễm', expect: f.locationPrompt },
];
/** …and on to the summary: a place, a description, no photo, no contact, not published. */
const TO_SUMMARY: DialogTurn[] = [
  ...UP_TO_PLACE,
  { user: 'phường Quảng Phú', expect: f.locationFound(QUANG_PHU.name) },
  { user: 'Bãi rác tự phát bốc mùi hôi cạnh trường học', expect: f.photosPrompt },
  { user: b.skip },
  { user: b.skip, buttons: PUBLISH_BUTTONS },
  { user: f.publishNo, expect: f.summaryTitle, buttons: SUMMARY_BUTTONS },
];

/** An answered ticket filed earlier from this channel, so its rating buttons can be tapped. */
const answeredTicket = async ({ tickets }: DialogFakes) => {
  const receipt = await tickets.create({
    kind: 'feedback',
    category: 'giao-thong',
    description: 'Ổ gà trên đường liên xã',
    origin: { channel: 'test', conversationId: 'earlier', userId: 'someone' },
    idempotencyKey: 'earlier:1',
  });
  tickets.answer(receipt.trackingCode, 'Đã vá ổ gà.');
};
const LONG = `Tôi muốn khiếu nại việc thu hồi đất. ${'Gia đình tôi đã nhiều lần gửi đơn nhưng chưa được trả lời. '.repeat(90)}`;
/** A message carrying uploaded photos (as Direct Line and Zalo deliver them). */
function photos(...names: string[]): Record<string, unknown> {
  return {
    attachments: names.map((n) => ({
      contentType: 'image/png',
      contentUrl: `https://files.example/${n}.png`,
      name: `${n}.png`,
    })),
  };
}
/** A message carrying a file the bot cannot read (as the Zalo channel hands over audio, video, links). */
function unreadable(contentType: string, contentUrl?: string, name?: string): Record<string, unknown> {
  return { attachments: [{ contentType, ...(contentUrl ? { contentUrl } : {}), ...(name ? { name } : {}) }] };
}
const u = b.unreadable;
const ratingButton = (n: number) => vi.tickets.ratingButtons('{code}')[n - 1]!;

const points: Array<[string, DialogCase[]]> = [
  [
    '1. the rating buttons under an agency answer rate it, whatever is running',
    [
      {
        name: 'a rating button tapped with nothing running asks only the PIN, then stores the rating',
        given: answeredTicket,
        turns: [
          { user: ratingButton(5), expect: b.track.pinPrompt, absent: f.prefilled(f.nouns.feedback) },
          { user: '{pin}', expect: b.rate.commentPrompt },
          { user: b.skip, expect: b.rate.thanks },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]).toMatchObject({ rating: 5, status: 'answered' }),
      },
      {
        name: 'a rating button tapped in the middle of a feedback rates the ticket, and the draft can be resumed',
        given: answeredTicket,
        turns: [
          ...UP_TO_PLACE,
          { user: ratingButton(1), expect: b.track.pinPrompt, absent: b.choiceRetry },
          { user: '{pin}' },
          { user: 'Chưa sửa xong', expect: b.rate.reopened, buttons: [r.yes, r.no] },
          { user: r.yes, expect: [r.resumed, f.locationPrompt] },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]).toMatchObject({ rating: 1, status: 'reopened' }),
      },
    ],
  ],
  [
    '2. prompts accept natural replies',
    [
      ...['đồng ý', 'dong y', 'có', 'ok', 'Đồng ý'.normalize('NFD'), 'co a', '1'].map((said): DialogCase => ({
        name: `"${said}" at the consent question agrees`,
        turns: [...TO_SUMMARY.slice(0, 5), { user: b.skip }, { user: said, expect: f.namePrompt }],
      })),
      ...['khong', 'không', 'ko', 'bỏ qua', 'không đồng ý'].map((said): DialogCase => ({
        name: `"${said}" at the consent question declines`,
        turns: [...TO_SUMMARY.slice(0, 5), { user: b.skip }, { user: said, expect: f.publishPrompt }],
      })),
      ...[
        ['moi truong', 'moi-truong'],
        ['rác thải', 'moi-truong'],
        ['giao thong', 'giao-thong'],
        ['số 3', 'dat-dai'],
        ['dien nuoc', 'dien-nuoc'],
      ].map(([said, code]): DialogCase => ({
        name: `"${said}" at the category question picks ${code}`,
        turns: [
          { user: b.menu.feedback },
          { user: 'nguoi dan' },
          { user: said!, expect: f.locationPrompt },
          { user: 'phường Quảng Phú' },
          { user: 'Nội dung đủ dài để mô tả sự việc' },
          { user: b.skip },
          { user: b.skip },
          { user: f.publishNo },
          { user: 'gui', expect: CODE },
        ],
        then: ({ fakes }) => expect(fakes.tickets.tickets[0]?.input.category).toBe(code),
      })),
      {
        name: 'a reply that is no choice is re-asked briefly once, then with the whole question and its buttons',
        turns: [
          { user: b.menu.feedback },
          {
            user: 'không biết',
            expect: b.choiceRetry,
            absent: f.submitterPrompt,
            buttons: [f.citizen, f.business],
          },
          { user: 'hả', expect: [b.choiceRetry, f.submitterPrompt], buttons: [f.citizen, f.business] },
          { user: 'dan', expect: f.categoryPrompt },
        ],
      },
    ],
  ],
  [
    '3. a new intent in the middle of a dialog leaves it, keeping the draft to resume',
    [
      {
        name: '"thôi, cho tôi hỏi cái khác" keeps the draft, asks for the question, then offers to resume',
        turns: [
          ...UP_TO_PLACE,
          { user: 'thôi, cho tôi hỏi cái khác', expect: [r.kept, b.ask.prompt] },
          {
            user: 'Làm sổ đỏ cần giấy tờ gì?',
            expect: ['Giấy chứng nhận', r.prompt],
            buttons: [r.yes, r.no],
          },
          { user: r.yes, expect: [r.resumed, f.locationPrompt] },
          { user: 'phường Quảng Phú' },
          { user: 'Bãi rác tự phát bốc mùi hôi cạnh trường học' },
          { user: b.skip },
          { user: b.skip },
          { user: f.publishNo, expect: 'Môi trường, rác thải, ô nhiễm' },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]?.input).toMatchObject({
            category: 'moi-truong',
            communeCode: QUANG_PHU.code,
          }),
      },
      {
        name: 'a plain question typed at a choice is answered instead of refused, and the draft can be dropped',
        turns: [
          { user: b.menu.feedback },
          {
            user: 'Cho tôi hỏi thủ tục cấp sổ đỏ lần đầu?',
            expect: 'Giấy chứng nhận',
            absent: b.choiceRetry,
          },
          { user: r.no, expect: r.dropped, buttons: MENU },
          { user: 'cam on', expect: b.smalltalkThanks, absent: r.prompt },
        ],
      },
      {
        name: 'a question mark inside a description stays part of the description',
        turns: [
          ...TO_SUMMARY.slice(0, 4),
          { user: 'Bãi rác bốc mùi cả tháng nay, sao không ai dọn?', expect: f.photosPrompt },
        ],
      },
    ],
  ],
  [
    '4. one field can be corrected from the summary',
    [
      {
        name: 'correcting the description files the new text',
        turns: [
          ...TO_SUMMARY,
          { user: f.confirmEdit, buttons: [f.edit.place, f.edit.description, f.edit.photos, f.edit.contact] },
          { user: 'noi dung', expect: f.descriptionPrompt },
          { user: 'Bãi rác tự phát cạnh trường tiểu học, bốc mùi từ một tuần', expect: f.summaryTitle },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]?.input).toMatchObject({
            description: 'Bãi rác tự phát cạnh trường tiểu học, bốc mùi từ một tuần',
            communeCode: QUANG_PHU.code,
          }),
      },
      {
        name: 'correcting the place asks only the place again',
        turns: [
          ...TO_SUMMARY,
          { user: f.confirmEdit },
          { user: f.edit.place, expect: f.locationPrompt },
          {
            user: 'xã Thiệu Toán',
            expect: [f.locationFound(THIEU_TOAN.name), `${f.summaryLocation}: ${THIEU_TOAN.name}`],
          },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) => expect(fakes.tickets.tickets[0]?.input.communeCode).toBe(THIEU_TOAN.code),
      },
      {
        name: 'correcting the contact adds it after consent',
        turns: [
          ...TO_SUMMARY,
          { user: f.confirmEdit },
          { user: '4', expect: f.consentPrompt },
          { user: 'đồng ý' },
          { user: 'Lê Văn Bình' },
          { user: '0912345678', expect: 'Lê Văn Bình, 091****678', buttons: SUMMARY_BUTTONS },
        ],
      },
    ],
  ],
  [
    '5. a long message keeps what fits and says the limit',
    [
      {
        name: 'a 5,000-character complaint is taken with its beginning and the limit said in Vietnamese',
        turns: [
          {
            user: LONG,
            expect: [f.prefilled(f.nouns.complaint), 'Tin nhắn dài hơn 3.000 ký tự'],
            absent: b.error,
          },
          { user: f.citizen },
          { user: b.skip, expect: f.photosPrompt },
          { user: b.skip },
          { user: b.skip, expect: 'Gia đình tôi đã nhiều lần gửi đơn' },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) => {
          const filed = fakes.tickets.tickets[0]!.input.description;
          expect(filed.length).toBeLessThanOrEqual(3000);
          expect(filed.length).toBeGreaterThan(2800);
          expect(LONG.startsWith(filed)).toBe(true);
        },
      },
      {
        name: 'a 5,000-character description typed at its prompt is kept up to the limit',
        turns: [
          ...UP_TO_PLACE,
          { user: 'phường Quảng Phú' },
          { user: LONG, expect: ['3.000', f.photosPrompt] },
        ],
      },
    ],
  ],
  [
    '6. fixed lines with their area code are phone numbers',
    ['0237 3855 123', '0237.3855.123', '+84 237 3855 123', '0912 345 678'].map((phone): DialogCase => ({
      name: `"${phone}" is accepted`,
      turns: [
        ...TO_SUMMARY.slice(0, 5),
        { user: b.skip },
        { user: f.consentYes },
        { user: 'Nguyễn Văn Cường' },
        { user: phone, expect: f.publishPrompt, absent: f.phoneRetry },
      ],
    })),
  ],
  [
    '7. several photos go into one draft, and a shared location is the place',
    [
      {
        name: 'two messages with photos (one holding two) make three photos, until "Xong"',
        turns: [
          ...TO_SUMMARY.slice(0, 4),
          { user: 'Bãi rác tự phát bốc mùi hôi cạnh trường học', expect: f.photosPrompt },
          { user: '', extra: photos('a'), expect: f.photosMore(1), buttons: [f.photosDone] },
          { user: '', extra: photos('b', 'c'), expect: f.photosMore(3) },
          { user: 'xong', expect: f.consentPrompt },
          { user: b.skip },
          { user: f.publishNo, expect: `${f.summaryPhotos}: 3` },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]?.input.attachments?.map((a) => a.url)).toEqual([
            'https://files.example/a.png',
            'https://files.example/b.png',
            'https://files.example/c.png',
          ]),
      },
      {
        name: 'a voice message sent at the photos step is said to be kept, the step goes on, and the ticket has it',
        turns: [
          ...TO_SUMMARY.slice(0, 4),
          { user: 'Bãi rác tự phát bốc mùi hôi cạnh trường học', expect: f.photosPrompt },
          {
            user: '',
            extra: unreadable('audio/mp4', 'https://files.example/voice.m4a', 'voice.m4a'),
            expect: [u.said(u.kinds.audio), u.kept(u.kinds.audio)],
            absent: f.photosPrompt,
          },
          { user: '', extra: photos('a'), expect: f.photosMore(1) },
          { user: 'xong', expect: f.consentPrompt },
          { user: b.skip },
          { user: f.publishNo, expect: [`${f.summaryPhotos}: 1`, `${f.summaryFiles}: 1`] },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]?.input.attachments).toEqual([
            { url: 'https://files.example/a.png', contentType: 'image/png', name: 'a.png' },
            {
              url: 'https://files.example/voice.m4a',
              contentType: 'audio/mp4',
              name: `${u.labels.audio}: voice.m4a`,
            },
          ]),
      },
      {
        name: 'a link sent while the draft is paused for a question stays with the draft and reaches the ticket',
        turns: [
          ...TO_SUMMARY.slice(0, 4),
          { user: 'Bãi rác tự phát bốc mùi hôi cạnh trường học', expect: f.photosPrompt },
          { user: 'thôi, cho tôi hỏi cái khác', expect: [r.kept, b.ask.prompt] },
          {
            user: '',
            extra: unreadable('text/uri-list', 'https://baothanhhoa.vn/bai-rac.htm'),
            expect: u.kept(u.kinds.link),
          },
          { user: r.yes, expect: [r.resumed, f.photosPrompt] },
          { user: b.skip, expect: f.consentPrompt },
          { user: b.skip },
          { user: f.publishNo, expect: `${f.summaryFiles}: 1` },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]?.input.attachments).toEqual([
            { url: 'https://baothanhhoa.vn/bai-rac.htm', contentType: 'text/uri-list', name: u.labels.link },
          ]),
      },
      {
        name: 'a video too large to keep, sent with nothing being filed, is answered and kept nowhere',
        turns: [
          {
            user: '',
            extra: unreadable('video/*'),
            expect: u.said(u.kinds.video),
            absent: u.kept(u.kinds.video),
          },
        ],
        then: ({ fakes }) => expect(fakes.tickets.tickets).toEqual([]),
      },
      {
        name: 'a location shared from the browser answers "where?"',
        turns: [
          ...UP_TO_PLACE,
          {
            user: '',
            extra: { entities: [{ type: 'GeoCoordinates', latitude: 19.8, longitude: 105.78 }] },
            expect: f.locationShared,
          },
        ],
      },
    ],
  ],
  [
    '8. places: old names are said to be mapped, unknown ones get suggestions, "ok" is not an address',
    [
      {
        name: 'an old commune name is mapped to the new one and the citizen is told',
        turns: [...UP_TO_PLACE, { user: 'thieu chinh', expect: 'Xã Thiệu Chính nay thuộc Xã Thiệu Toán' }],
        then: async (chat) => {
          await chat.say('Bãi rác tự phát bốc mùi hôi cạnh trường học');
          await chat.say(b.skip);
          await chat.say(b.skip);
          await chat.say(f.publishNo);
          await chat.say(f.confirmYes);
          expect(chat.fakes.tickets.tickets[0]?.input.communeCode).toBe(THIEU_TOAN.code);
        },
      },
      {
        name: 'an unrecognised place offers the closest communes as buttons, and a pick settles it',
        turns: [
          ...UP_TO_PLACE,
          {
            user: 'xa hoang quy',
            expect: f.locationSuggest('xa hoang quy'),
            buttons: [HOANG_HOA.name, HOANG_TIEN.name, f.locationKeepTyped],
          },
          { user: 'hoang tien', expect: [f.locationFound(HOANG_TIEN.name), f.descriptionPrompt] },
        ],
      },
      {
        name: 'the typed address can be kept as it is',
        turns: [
          ...UP_TO_PLACE,
          { user: 'xa hoang quy' },
          { user: f.locationKeepTyped, expect: [f.locationUnknown, f.descriptionPrompt] },
        ],
      },
      {
        name: 'a place typed again instead of a pick is read afresh',
        turns: [
          ...UP_TO_PLACE,
          { user: 'xa hoang quy' },
          { user: 'phường Quảng Phú', expect: f.locationFound(QUANG_PHU.name) },
        ],
      },
      ...['ok', 'có', 'khong biet'].map((said): DialogCase => ({
        name: `"${said}" is not an address`,
        turns: [...UP_TO_PLACE, { user: said, expect: f.locationRetry, absent: f.descriptionPrompt }],
      })),
    ],
  ],
  [
    '9. a business obstacle is handled as one',
    [
      ...[
        'Doanh nghiệp chúng tôi xin giao đất trong khu công nghiệp đã 8 tháng chưa được giải quyết',
        'doanh nghiep chung toi xin giao dat trong khu cong nghiep da 8 thang chua duoc giai quyet',
      ].map((said): DialogCase => ({
        name: `"${said.slice(0, 30)}…" is a business obstacle routed by its topic, with business details and no photo`,
        turns: [
          {
            user: said,
            expect: [f.prefilled(f.nouns.business), f.businessLocationPrompt],
            absent: f.submitterPrompt,
          },
          { user: b.skip, expect: f.businessNamePrompt, absent: f.photosPrompt },
          { user: 'Công ty CP Thép Nghi Sơn', expect: f.taxCodePrompt },
          { user: '28012', expect: f.taxCodeRetry },
          { user: '2801234567', expect: f.projectPrompt },
          { user: 'Thủ tục giao đất dự án nhà xưởng', expect: f.consentPrompt },
          { user: b.skip, expect: f.publishPrompt },
          {
            user: f.publishNo,
            expect: [
              `${f.summaryKind}: ${f.kinds.business}`,
              `${f.summaryTaxCode}: 2801234567`,
              f.confirmPrompt(f.nouns.business),
            ],
            absent: f.summarySubmitter,
          },
          { user: f.confirmYes, expect: [f.receivedHead.business(), CODE], absent: 'phản ánh của anh/chị' },
        ],
        then: ({ fakes }) => {
          const input = fakes.tickets.tickets[0]!.input;
          expect(input.category).toBe('dat-dai');
          expect(input.description).toContain(f.businessMarker);
          expect(input.description).toContain(`${f.summaryBusinessName}: Công ty CP Thép Nghi Sơn`);
          expect(input.description).toContain(`${f.summaryProject}: Thủ tục giao đất dự án nhà xưởng`);
        },
      })),
      {
        name: 'a business obstacle from the menu is categorised from its description',
        turns: [
          { user: b.menu.business },
          { user: b.skip },
          {
            user: 'Hồ sơ hoàn thuế giá trị gia tăng nộp từ đầu năm chưa được giải quyết',
            expect: f.businessNamePrompt,
          },
          { user: 'Công ty TNHH Minh An' },
          { user: b.skip },
          { user: b.skip },
          { user: b.skip },
          { user: f.publishNo, expect: vi.bot.categories['doanh-nghiep-dau-tu']! },
        ],
      },
    ],
  ],
  [
    '11. a forwarded question is announced and tracked as a question',
    [
      {
        name: 'a forwarded question is received as "câu hỏi" for the agency and tracked as "Câu hỏi"',
        turns: [
          { user: 'Chính sách hỗ trợ học phí năm nay thế nào?', buttons: [b.ask.forwardYes, b.no] },
          { user: 'có', expect: f.consentPrompt },
          { user: 'không', expect: `${f.summaryKind}: ${f.kinds.question}`, absent: f.publishPrompt },
          {
            user: 'gửi',
            expect: [f.receivedHead.question('UBND tỉnh'), CODE],
            absent: 'phản ánh của anh/chị',
          },
          { user: 'tra cứu {code}' },
          { user: '{pin}', expect: /^Câu hỏi TH-[A-Z0-9]{5}: /, absent: 'Phản ánh TH-' },
        ],
        then: ({ fakes }) =>
          expect(fakes.tickets.tickets[0]?.input).toMatchObject({
            kind: 'question',
            triage: { kind: 'question', category: 'giao-duc' },
          }),
      },
    ],
  ],
  [
    '12. one receipt, no second notice',
    [
      {
        name: 'a filed ticket tells the tickets service the receipt was shown, so no second notice is queued',
        turns: [...TO_SUMMARY, { user: f.confirmYes, expect: CODE, buttons: MENU }],
        then: ({ fakes }) => expect(fakes.tickets.tickets[0]?.input.acknowledged).toBe(true),
      },
    ],
  ],
  [
    '13. one voice: "anh/chị", never "bạn"',
    [
      {
        name: 'a whole filing with consent, a correction and tracking never says "bạn"',
        turns: [
          ...TO_SUMMARY.map((t) => ({ ...t, absent: 'bạn' })),
          { user: f.confirmEdit, absent: 'bạn' },
          { user: f.edit.contact, absent: 'bạn' },
          { user: 'có', absent: 'bạn' },
          { user: 'Lê Thị Hoa', absent: 'bạn' },
          { user: '0912345678', absent: 'bạn' },
          { user: 'gửi', expect: 'anh/chị', absent: 'bạn' },
          { user: 'trợ giúp', expect: 'Anh/chị', absent: 'Bạn' },
        ],
      },
    ],
  ],
  [
    '14. the citizen is asked whether the case may be published',
    [
      {
        name: 'agreeing to publication is shown in the summary and filed with the ticket',
        turns: [
          ...TO_SUMMARY.slice(0, 7),
          { user: 'đồng ý', expect: `${f.summaryPublish}: ${f.summaryPublishYes}` },
          { user: f.confirmYes, expect: CODE },
        ],
        then: ({ fakes }) => expect(fakes.tickets.tickets[0]?.input.publish).toBe(true),
      },
      {
        name: 'a complaint is never offered for publication',
        turns: [
          { user: 'Tôi muốn khiếu nại việc xã thu hồi đất nhà tôi không bồi thường' },
          { user: f.citizen },
          { user: b.skip },
          { user: b.skip },
          { user: b.skip, expect: f.summaryTitle, absent: f.publishPrompt },
        ],
        then: ({ fakes }) => expect(fakes.tickets.tickets).toHaveLength(0),
      },
    ],
  ],
];

describe('what citizens hit, over the test adapter (real Agents SDK and dialogs, fake services)', () => {
  describe.each(points)('%s', (_point, rows) => {
    it.each(rows.map((row) => [row.name, row] as const))('when %s', async (_name, row) => {
      await playCase(row, world());
    });
  });

  it('when the conversation starts, then the welcome is sent once and "xin chào" gets a short greeting', async () => {
    const chat = await startDialogChat(world());
    expect(chat.greeting.map((g) => g.text)).toEqual([b.welcome]);
    const replies = await chat.say('xin chào');
    expect(replies).toEqual([{ text: b.greetAgain, buttons: MENU }]);
  });
});
