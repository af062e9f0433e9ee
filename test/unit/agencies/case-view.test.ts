import { deliveryOf, type DeliveryState } from '../../../src/agencies/casework/delivery';
import type { CaseView } from '../../../src/agencies/casework/casework.service';
import type { StaffPrincipal } from '../../../src/agencies/auth.service';
import { actorLabel, casePage } from '../../../src/agencies/views/case.view';
import { confirmPage } from '../../../src/agencies/views/confirm.view';
import { PAGE_STYLE } from '../../../src/http/page-style';

const user = {
  userId: 'u1',
  username: 'canbo',
  displayName: 'Phạm Thu Hà',
  role: 'staff',
  agencyId: 'so-y-te',
  csrfToken: 'csrf-token',
  sessionHash: 'h',
} as unknown as StaffPrincipal;
const at = new Date('2026-03-04T02:00:00Z');

function view(over: Partial<CaseView> = {}, ticket: Partial<CaseView['ticket']> = {}): CaseView {
  return {
    ticket: {
      id: '11111111-2222-3333-4444-555555555555',
      tracking_code: 'TH-7K3Q9',
      kind: 'feedback',
      category: 'y-te',
      category_name: 'Y tế, an toàn thực phẩm',
      commune_name: null,
      agency_id: 'so-y-te',
      agency_name: 'Sở Y tế',
      status: 'assigned',
      description: 'Cơ sở bán thực phẩm không rõ nguồn gốc',
      created_at: at,
      resolve_due_at: at,
      overdue: false,
      commune_code: null,
      attachments: [],
      location: null,
      contact_name: null,
      contact_phone: null,
      origin_channel: 'directline',
      origin_conversation_id: 'c1',
      answer: null,
      answered_at: null,
      rating: null,
      rating_comment: null,
      duplicate_of: null,
      publish_consent: null,
      public_summary: null,
      ...ticket,
    },
    history: [],
    agencies: [],
    canned: [],
    transcript: null,
    deliveries: [],
    ...over,
  };
}

describe('case page view', () => {
  it.each([
    ['citizen', null, 'Người dân'],
    ['system', null, 'Hệ thống'],
    ['staff:canbo.thieutoan', 'Lê Thị Thu', 'Lê Thị Thu'],
    ['staff:da.xoa', null, 'da.xoa'],
  ])('when the actor is %s, then the history says %s', (actor, name, label) => {
    expect(actorLabel({ actor, actor_name: name })).toBe(label);
  });

  it('when a conversation has more than nine messages, then every message carries its whole number as text, not a list marker', () => {
    const transcript = Array.from({ length: 12 }, (_, i) => ({
      at,
      from: i % 2 ? ('bot' as const) : ('citizen' as const),
      text: `Tin số ${i + 1}`,
      attachments: 0,
    }));
    const html = casePage(user, view({ transcript }));
    const numbers = [...html.matchAll(/<span class="seq">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(html).not.toContain('<details>\n      <summary><strong>Cuộc trò chuyện');
    // Lists shown in a clipping pane draw no markers of their own.
    expect(PAGE_STYLE).toMatch(/ol\.chat\{list-style:none/);
    expect(PAGE_STYLE).toMatch(/ol\.timeline\{list-style:none/);
  });

  it.each<[string, { status: string; last_error: string | null; attempts: number }, DeliveryState, boolean]>([
    ['delivered', { status: 'sent', last_error: null, attempts: 1 }, 'sent', false],
    ['queued', { status: 'pending', last_error: null, attempts: 0 }, 'pending', false],
    ['retrying', { status: 'pending', last_error: 'upstream 503', attempts: 2 }, 'pending', true],
    [
      'outside the Zalo window',
      { status: 'failed', last_error: 'outside_window: 7 days', attempts: 1 },
      'waiting',
      false,
    ],
    ['given up', { status: 'failed', last_error: 'zalo_-201: bad user', attempts: 5 }, 'failed', false],
  ])('when the outbox row is %s, then its delivery state is %s', (_name, row, state, retrying) => {
    const d = deliveryOf({ event_key: 'ticket:x:answered:2026', created_at: at, sent_at: null, ...row });
    expect(d).toMatchObject({ kind: 'answered', state, retrying });
  });

  it('when the citizen sent a photo through the web chat, then it is an image thumbnail; a link elsewhere stays a link', () => {
    const html = casePage(
      user,
      view(
        {},
        {
          attachments: [
            {
              url: 'https://x.test/v3/directline/attachments/0b9f6d8e-4c1a-4e7b-9a55-3c2d1e0f9a11',
              contentType: 'image/jpeg',
            },
            { url: 'https://cdn.example.vn/a.jpg', contentType: 'image/jpeg', name: 'anh-zalo.jpg' },
          ],
        },
      ),
    );
    expect(html).toContain(
      '<img src="/portal/tickets/11111111-2222-3333-4444-555555555555/tep/0" alt="Ảnh 1: Ảnh 1"',
    );
    expect(html).toContain(
      '<a href="https://cdn.example.vn/a.jpg" rel="noopener noreferrer" target="_blank">anh-zalo.jpg</a>',
    );
  });

  it('when a ticket is closed, then only the note and (with a contact) erasing remain, erasing as a danger button', () => {
    const html = casePage(user, view({}, { status: 'closed', contact_phone: '0912345678' }));
    expect(html).not.toContain('Trả lời người dân');
    expect(html).toMatch(/class="danger">\s*Xóa thông tin liên hệ/);
  });

  it.each([
    [null, 'không đồng ý (hoặc chưa được hỏi)', false],
    [false, 'không đồng ý (hoặc chưa được hỏi)', false],
    [true, 'chỉ hiện bản tóm tắt do cơ quan duyệt', true],
  ])(
    'when the citizen answered %s to publication, then the panel says "%s" and offers the summary form: %s',
    (consent, said, form) => {
      const page = casePage(user, view({}, { publish_consent: consent }), '');
      expect(page).toContain(said);
      expect(
        page.includes('action="/portal/tickets/11111111-2222-3333-4444-555555555555/public-summary"'),
      ).toBe(form);
    },
  );

  it('when a summary is published, then the form holds it for editing and the panel says it is public', () => {
    const page = casePage(
      user,
      view({}, { publish_consent: true, public_summary: 'Cơ sở đã bị kiểm tra' }),
      '',
    );
    expect(page).toContain('đang hiện trên trang công khai');
    expect(page).toMatch(/<textarea id="summary"[^>]*>Cơ sở đã bị kiểm tra<\/textarea>/);
  });

  it('when a confirmation page is shown, then it repeats the POST with confirm=1 and the CSRF token, and offers a way back', () => {
    const html = confirmPage(user, {
      question: 'Xác nhận?',
      consequence: 'Không hoàn tác được.',
      action: '/portal/tickets/t/reject',
      fields: { reason: 'Lý do "trích"' },
      confirmLabel: 'Không thụ lý',
      cancelHref: '/portal/tickets/t',
    });
    expect(html).toContain('<form method="post" action="/portal/tickets/t/reject">');
    expect(html).toContain('name="_csrf" value="csrf-token"');
    expect(html).toContain('name="reason" value="Lý do &quot;trích&quot;"');
    expect(html).toContain('name="confirm" value="1"');
    expect(html).toContain('class="button secondary" href="/portal/tickets/t"');
    expect(html).not.toContain('<script');
  });
});
