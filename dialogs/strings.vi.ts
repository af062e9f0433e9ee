/**
 * Every sentence tiepdan shows to a person, in Vietnamese. Code refers to keys, never to literal text,
 * so wording is reviewed and changed in one place.
 */
export const vi = {
  errors: {
    invalid_json: 'Nội dung gửi lên không đúng định dạng JSON. Xin vui lòng kiểm tra và gửi lại.',
    payload_too_large: 'Nội dung gửi lên quá lớn. Xin vui lòng rút gọn rồi gửi lại.',
    unsupported_media_type: 'Định dạng nội dung không được hỗ trợ. Xin vui lòng gửi dữ liệu dạng JSON.',
    validation_failed: 'Thông tin gửi lên chưa hợp lệ. Xin vui lòng kiểm tra lại các trường được nêu.',
    not_found: 'Không tìm thấy địa chỉ này.',
    method_not_allowed: 'Phương thức này không được hỗ trợ tại địa chỉ này.',
    rate_limited: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Xin vui lòng thử lại sau ít phút.',
    unauthorized: 'Bạn cần đăng nhập hoặc cung cấp mã truy cập hợp lệ.',
    forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    service_unavailable: 'Hệ thống đang tạm thời gián đoạn. Xin vui lòng thử lại sau ít phút.',
    question_invalid:
      'Câu hỏi phải là một đoạn văn bản từ 1 đến 2.000 ký tự. Xin vui lòng kiểm tra và gửi lại.',
    internal_error:
      'Đã có lỗi ngoài ý muốn. Chúng tôi đã ghi nhận và sẽ khắc phục sớm. Xin vui lòng thử lại sau.',
  },
  knowledge: {
    notFound:
      'Xin lỗi, hiện tôi chưa tìm thấy thông tin về câu hỏi này trong các văn bản đang có. Anh/chị có muốn tôi chuyển câu hỏi đến cơ quan có thẩm quyền để được trả lời không ạ?',
    answerIntro: (title: string, date: string | null) =>
      date ? `Theo «${title}» (${date}):` : `Theo «${title}»:`,
    llmSystem:
      'Bạn là trợ lý của cơ quan nhà nước, trả lời câu hỏi của người dân bằng tiếng Việt, ngắn gọn, lịch sự. ' +
      'Chỉ dùng thông tin trong các đoạn trích được đánh số; không suy đoán, không thêm thông tin bên ngoài. ' +
      'Trả lời duy nhất bằng JSON dạng {"answer": "...", "citations": [số thứ tự các đoạn đã dùng]}.',
    llmPassages: 'Các đoạn trích:',
    llmQuestion: 'Câu hỏi:',
    ingestUnsupported: (ext: string) =>
      `Không hỗ trợ loại tệp «${ext || 'không có phần mở rộng'}». Chỉ nhận .txt, .md, .html, .pdf, .docx.`,
    ingestUnreadable: 'Không đọc được tệp (không tồn tại hoặc không có quyền đọc).',
    ingestCorrupt: (ext: string) =>
      `Tệp ${ext} bị hỏng hoặc không đúng định dạng, không trích xuất được nội dung.`,
    ingestEmpty: 'Tệp không có nội dung văn bản.',
    ingestSummary: (c: {
      added: number;
      updated: number;
      unchanged: number;
      failed: number;
      chunks: number;
    }) =>
      `Thêm mới ${c.added}, cập nhật ${c.updated}, không đổi ${c.unchanged}, lỗi ${c.failed}; ${c.chunks} đoạn được lập chỉ mục.`,
    reembedDone: (n: number, model: string) => `Đã tính lại vector cho ${n} đoạn bằng mô hình ${model}.`,
    ingestBadSidecar: 'Tệp thông tin kèm theo (.meta.json) không hợp lệ.',
  },
} as const;

/** Stable error codes that have a Vietnamese message. */
export type ErrorCode = keyof typeof vi.errors;
