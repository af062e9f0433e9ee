/** Answer wording, the LLM prompt and the ingest messages. */
export const knowledgeVi = {
  notFound:
    'Xin lỗi, hiện tôi chưa tìm thấy thông tin về câu hỏi này trong các văn bản đang có. Anh/chị có muốn tôi chuyển câu hỏi đến cơ quan có thẩm quyền để được trả lời không ạ?',
  sourceLine: (title: string, date: string | null, source: string | null, isLink: boolean) =>
    `Nguồn: «${title}»${date ? `, ${date}` : ''}${source ? (isLink ? ` — ${source}` : `, ${source}`) : ''}`,
  otherEntity: (asked: string, found: string) =>
    `Hiện tôi chưa có thông tin về ${asked} trong các văn bản đang có. Văn bản gần nhất nói về ${found}:`,
  forwardOffer: 'Anh/chị có muốn tôi chuyển câu hỏi đến cơ quan có thẩm quyền để được trả lời không ạ?',
  llmSystem:
    'Bạn là trợ lý của cơ quan nhà nước, trả lời câu hỏi của người dân bằng tiếng Việt, ngắn gọn, lịch sự. ' +
    'Chỉ dùng thông tin trong các đoạn trích được đánh số; không suy đoán, không thêm thông tin bên ngoài. ' +
    'Câu đầu tiên phải trả lời thẳng vào câu hỏi (với câu hỏi "mấy", "bao nhiêu", "khi nào", "ai": nêu con số, ngày tháng hoặc tên người); ' +
    'cả câu trả lời không quá 400 ký tự, không chép lại nguyên văn dài. ' +
    'Nếu các đoạn trích nói về tỉnh, đại hội hoặc nhiệm kỳ khác với câu hỏi, nói rõ là chưa có thông tin về đối tượng được hỏi. ' +
    'Trả lời duy nhất bằng JSON dạng {"answer": "...", "citations": [số thứ tự các đoạn đã dùng]}.',
  llmPassages: 'Các đoạn trích:',
  llmQuestion: 'Câu hỏi:',
  ingestUnsupported: (ext: string) =>
    `Không hỗ trợ loại tệp «${ext || 'không có phần mở rộng'}». Chỉ nhận .txt, .md, .html, .pdf, .docx.`,
  ingestUnreadable: 'Không đọc được tệp (không tồn tại hoặc không có quyền đọc).',
  ingestCorrupt: (ext: string) =>
    `Tệp ${ext} bị hỏng hoặc không đúng định dạng, không trích xuất được nội dung.`,
  ingestEmpty: 'Tệp không có nội dung văn bản.',
  ingestSummary: (c: { added: number; updated: number; unchanged: number; failed: number; chunks: number }) =>
    `Thêm mới ${c.added}, cập nhật ${c.updated}, không đổi ${c.unchanged}, lỗi ${c.failed}; ${c.chunks} đoạn được lập chỉ mục.`,
  reembedDone: (n: number, model: string) => `Đã tính lại vector cho ${n} đoạn bằng mô hình ${model}.`,
  ingestBadSidecar: 'Tệp thông tin kèm theo (.meta.json) không hợp lệ.',
  faqTitle: (question: string) => `Hỏi đáp: ${question}`,
} as const;
