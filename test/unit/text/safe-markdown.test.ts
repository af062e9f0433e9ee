import MarkdownIt from 'markdown-it';
import type { LinkPolicy } from '../../../src/text/link-policy';
import { plainTextOf } from '../../../src/text/plain-text';
import { rendersSafely, safeMarkdown } from '../../../src/text/safe-markdown';

const policy: LinkPolicy = {
  origin: 'https://tiepdan.thanhhoa.gov.vn',
  hosts: ['thanhhoa.gov.vn'],
  urls: new Set(['https://baothanhhoa.vn/nghi-quyet-58.htm']),
};
// Rendered as Web Chat 4.18 renders bot text: markdown-it 13 with raw HTML and linkify on.
const webChat = new MarkdownIt({ html: true, linkify: true, typographer: true });
const html = (text: string) => webChat.render(safeMarkdown(text, policy));
const hrefs = (rendered: string) => [...rendered.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

const HOSTILE: Array<[string, string]> = [
  ['script tag', '<script>alert(1)</script>Xin chào'],
  ['script split over lines', '<script>\nalert(1)\n</script>\n\nXin chào'],
  ['img onerror', 'Ảnh <img src=x onerror=alert(1)>'],
  ['anchor tag', '<a href="https://evil.example/login">đăng nhập</a>'],
  ['button', '<button onclick="steal()">Xác nhận</button>'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['html comment hiding a tag', '<!-- x --><img src=x onerror=alert(1)>'],
  ['svg', '<svg onload=alert(1)><circle/></svg>'],
  ['div block around a link', '<div>\n\n[bấm](https://evil.example)\n\n</div>'],
  ['phishing link', '[đăng nhập](https://evil.example/login)'],
  ['javascript link', '[xem](javascript:alert(document.cookie))'],
  ['javascript link in capitals', '[xem](JaVaScRiPt:alert(1))'],
  ['javascript link behind entities', '[xem](&#106;avascript&#58;alert(1))'],
  ['javascript link behind hex entities', '[xem](java&#x73;cript:alert(1))'],
  ['vbscript link', '[xem](vbscript:msgbox(1))'],
  ['data: URI link', '[xem](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: URI image', '![ảnh](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)'],
  ['image from elsewhere', '![ảnh](https://evil.example/track.png)'],
  ['protocol-relative link', '[xem](//evil.example/x)'],
  ['backslash host', '[xem](/\\evil.example/x)'],
  ['credentials before a foreign host', '[xem](https://tiepdan.thanhhoa.gov.vn@evil.example/)'],
  ['look-alike host', '[xem](https://thanhhoa.gov.vn.evil.example/)'],
  ['angle-bracket destination', '[xem](<https://evil.example/a b>)'],
  ['autolink', 'Vào <https://evil.example/login> ngay'],
  ['bare URL', 'Vào https://evil.example/login ngay'],
  ['bare www', 'Vào www.evil.com/login ngay'],
  ['bare domain', 'Vào evil.com/login ngay'],
  ['e-mail (mailto)', 'Gửi về an.nguyen@evil.com'],
  ['reference link', '[bấm][r]\n\n[r]: https://evil.example/login'],
  ['shortcut reference', '[bấm]\n\n[bấm]: https://evil.example/login'],
  ['reference in a list item', '- [r]: https://evil.example\n\n[r]'],
  [
    'nested link in an allowed link',
    '[**[a](https://evil.example)**](https://tiepdan.thanhhoa.gov.vn/tra-cuu)',
  ],
  ['image inside a link', '[![x](https://evil.example/p.png)](https://thanhhoa.gov.vn/)'],
  ['link inside emphasis inside a list', '- **_[x](https://evil.example)_**'],
  ['bare URL as a link label', '[https://evil.example/login](https://evil.example/login)'],
  ['entity-encoded tag', '&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;'],
  ['unclosed bracket and paren', '[xem](https://evil.example/login'],
  ['link title trick', '[xem](https://evil.example "https://thanhhoa.gov.vn")'],
  ['code span then link', '`code` [xem](https://evil.example)'],
];

describe('safeMarkdown: what Web Chat renders from text that is not ours', () => {
  it.each(HOSTILE)(
    'when the text holds %s, then no raw HTML and no foreign link or image renders',
    (_name, text) => {
      const rendered = html(text);
      expect(rendersSafely(safeMarkdown(text, policy), policy)).toBe(true);
      expect(rendered).not.toMatch(
        /<(script|img|a\s[^>]*href="(?!https:\/\/(tiepdan\.)?thanhhoa\.gov\.vn\/)|button|iframe|svg|div)/i,
      );
      for (const h of hrefs(rendered)) expect(h).toMatch(/^https:\/\/(tiepdan\.)?thanhhoa\.gov\.vn\//);
      expect(rendered).not.toMatch(/javascript:|vbscript:|data:/i);
    },
  );

  it('when a phishing link arrives, then its label stays as plain text and the URL is not clickable', () => {
    expect(safeMarkdown('[đăng nhập](https://evil.example/login)', policy)).toBe('đăng nhập');
    expect(safeMarkdown('Vào https://evil.example/login ngay', policy)).toBe(
      'Vào `https://evil.example/login` ngay',
    );
  });

  it('when links point to our origin, an allow-listed host or a recorded source, then they stay links', () => {
    const text =
      '[Tra cứu](/tra-cuu), [Nghị quyết](https://thanhhoa.gov.vn/nq-58), [Báo](https://baothanhhoa.vn/nghi-quyet-58.htm)';
    expect(hrefs(html(text))).toEqual([
      'https://tiepdan.thanhhoa.gov.vn/tra-cuu',
      'https://thanhhoa.gov.vn/nq-58',
      'https://baothanhhoa.vn/nghi-quyet-58.htm',
    ]);
    expect(hrefs(html('Xem https://www.thanhhoa.gov.vn/tin-tuc'))).toEqual([
      'https://www.thanhhoa.gov.vn/tin-tuc',
    ]);
  });

  it('when a query string has & and parentheses, then the link reads back as the same URL', () => {
    expect(hrefs(html('[x](https://thanhhoa.gov.vn/a_(b)?c=1&d=2)'))).toEqual([
      'https://thanhhoa.gov.vn/a_%28b%29?c=1&amp;d=2',
    ]);
  });

  it('when the text is our own formatting, then bold, lists and line breaks are unchanged', () => {
    const ours = '**Mã tra cứu: TH-7K3Q9**\n\n1. Một\n2. Hai\n\n- _nghiêng_\n- `mã`';
    expect(safeMarkdown(ours, policy)).toBe(ours);
  });

  it('when raw HTML is sent, then the tags go and the text between them stays', () => {
    expect(safeMarkdown('<b>Chào</b> <i>anh/chị</i>', policy)).toBe('Chào anh/chị');
    expect(safeMarkdown('1 < 2 và 3 > 2', policy)).toBe('1 \\< 2 và 3 > 2');
  });

  it('when there is no origin configured, then relative links stay relative and foreign ones go', () => {
    const bare: LinkPolicy = { hosts: [], urls: new Set() };
    expect(safeMarkdown('[a](/tra-cuu) [b](https://evil.example)', bare)).toBe('[a](/tra-cuu) b');
  });
});

describe('plainTextOf: what Zalo shows', () => {
  it.each([
    ['**Đậm** và _nghiêng_\n\n- một\n- hai', 'Đậm và nghiêng\n\n- một\n- hai'],
    ['<script>alert(1)</script>Xin chào <b>anh/chị</b>', 'Xin chào anh/chị'],
    ['[đăng nhập](https://evil.example/login)', 'đăng nhập'],
    ['[xem](javascript:alert(1))', 'xem'],
    ['![ảnh](https://evil.example/p.png)', 'ảnh'],
    ['[Nghị quyết](https://thanhhoa.gov.vn/nq-58)', 'Nghị quyết (https://thanhhoa.gov.vn/nq-58)'],
    ['Vào https://evil.example/login ngay', 'Vào evil[.]example/login ngay'],
    ['Vào evil.com/login', 'Vào evil[.]com/login'],
    ['&lt;b&gt; là thẻ', '<b> là thẻ'],
    [
      '[**[a](https://evil.example)**](https://tiepdan.thanhhoa.gov.vn/tra-cuu)',
      'a (https://tiepdan.thanhhoa.gov.vn/tra-cuu)',
    ],
  ])('when %j goes to Zalo, then it reads %j', (markdown, plain) => {
    expect(plainTextOf(markdown, policy)).toBe(plain);
  });
});
