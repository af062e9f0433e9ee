import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadFile } from '../../../src/knowledge/ingest/loaders';
import { AppError } from '../../../src/http/errors';

async function docxBytes(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function pdfBytes(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 760 - i * 20, size: 12, font }));
  return Buffer.from(await pdf.save());
}

describe('loaders', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-loaders-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when a .txt file is UTF-8 Vietnamese, then its text comes back unchanged', async () => {
    await writeFile(file('a.txt'), 'Nghị quyết số 58-NQ/TW\r\nvề Thanh Hóa');
    expect(await loadFile(file('a.txt'))).toBe('Nghị quyết số 58-NQ/TW\nvề Thanh Hóa');
  });

  it('when a .md file has markup, then headings, links and emphasis become plain text', async () => {
    await writeFile(file('b.md'), '# Kết luận 610-KL/TU\n\nXem **chương trình** [tại đây](http://x.vn).\n- Mục một');
    const text = await loadFile(file('b.md'));
    expect(text).toContain('Kết luận 610-KL/TU');
    expect(text).toContain('Xem chương trình tại đây.');
    expect(text).not.toMatch(/[#*[\]]|http/);
  });

  it('when an .html page has scripts and navigation, then only the readable text remains', async () => {
    await writeFile(
      file('c.html'),
      '<html><head><title>Thông báo</title><script>var x=1</script></head><body><nav>Menu</nav><p>Đoạn một.</p><p>Đoạn hai.</p></body></html>',
    );
    const text = await loadFile(file('c.html'));
    expect(text).toContain('Thông báo');
    expect(text).toMatch(/Đoạn một\.\s*\n\s*Đoạn hai\./);
    expect(text).not.toMatch(/var x|Menu/);
  });

  it('when a .docx holds paragraphs, then their text is extracted', async () => {
    await writeFile(file('d.docx'), await docxBytes(['Chương trình số 123', 'Phát triển kinh tế số']));
    const text = await loadFile(file('d.docx'));
    expect(text).toContain('Chương trình số 123');
    expect(text).toContain('Phát triển kinh tế số');
  });

  it('when a .pdf holds text, then its text is extracted', async () => {
    await writeFile(file('e.pdf'), await pdfBytes(['Nghi quyet 58-NQ/TW', 've phat trien tinh Thanh Hoa']));
    const text = await loadFile(file('e.pdf'));
    expect(text).toContain('58-NQ/TW');
    expect(text).toContain('Thanh Hoa');
  });

  it.each([
    ['an empty file', 'empty.txt', '   \n', 'ingest_empty'],
    ['an unsupported type', 'f.xlsx', 'x', 'ingest_unsupported_type'],
    ['a corrupt pdf', 'bad.pdf', 'not a pdf', 'ingest_unreadable'],
    ['a text file that is not UTF-8', 'latin.txt', Buffer.from([0xff, 0xfe, 0x41, 0xc3]), 'ingest_unreadable'],
  ])('when given %s (%s), then it fails with the right code', async (_name, name, content, code) => {
    await writeFile(file(name), content);
    await expect(loadFile(file(name))).rejects.toMatchObject({ code });
  });

  it('when the file does not exist or cannot be read, then it fails with ingest_unreadable', async () => {
    await expect(loadFile(file('missing.txt'))).rejects.toBeInstanceOf(AppError);
    await writeFile(file('secret.txt'), 'x');
    await chmod(file('secret.txt'), 0o000);
    const canRead = process.getuid?.() === 0; // root reads anyway
    if (!canRead) await expect(loadFile(file('secret.txt'))).rejects.toMatchObject({ code: 'ingest_unreadable' });
    else expect(await loadFile(file('secret.txt'))).toBe('x');
  });
});
