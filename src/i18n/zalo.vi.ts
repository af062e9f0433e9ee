/** Sentences of the Zalo channel: the filing note about the 7-day window, delivery history, administrators' alerts. */
export const zaloVi = {
  /** Said at filing when answers cannot reach the citizen on Zalo after the 7-day window. */
  answerAlsoOnline: (code: string, url: string) =>
    `Lưu ý: Zalo chỉ cho phép trợ lý nhắn tin cho anh/chị trong vòng 7 ngày kể từ tin nhắn gần nhất của anh/chị. Câu trả lời cũng sẽ được đăng tại ${url} với mã ${code}; nếu quá 7 ngày, trợ lý sẽ gửi ngay khi anh/chị nhắn lại.`,
  /** Ticket history entries of deliveries (case page). */
  eventTypes: {
    delivery_sent: 'Đã gửi tin đến người dân',
    delivery_sent_template: 'Đã gửi tin đến người dân bằng tin mẫu (ngoài thời hạn 7 ngày của Zalo)',
    delivery_waiting_window: 'Chờ người dân nhắn lại để gửi tin (quá thời hạn 7 ngày của Zalo)',
  } as Record<string, string>,
  alerts: {
    nav: 'Kênh liên lạc',
    title: 'Cảnh báo kênh liên lạc',
    none: 'Không có cảnh báo nào.',
    channel: 'Kênh',
    code: 'Mã',
    message: 'Nội dung',
    occurrences: 'Số lần',
    last: 'Lần gần nhất',
    resolve: 'Đã xử lý',
    help: 'Tin nhắn gặp các lỗi này không được gửi lại tự động: hạn mức hoặc quyền của OA cần được quản trị viên xử lý trên Zalo (mua thêm hạn mức, cấp lại quyền, cấp lại mã truy cập bằng npm run zalo:tokens).',
  },
} as const;
