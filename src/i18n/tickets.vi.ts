/** Messages sent to citizens and agency leaders about a ticket's progress. */
export const ticketsVi = {
  created: (code: string, agency: string, due: string) =>
    `Phản ánh của anh/chị đã được tiếp nhận với mã tra cứu ${code} và chuyển đến ${agency}. Cơ quan sẽ trả lời trước ngày ${due}. Anh/chị có thể tra cứu tiến độ bằng mã tra cứu và mã PIN đã nhận.`,
  duplicate: (code: string, original: string) =>
    `Phản ánh ${code} có nội dung trùng với phản ánh ${original} đang được xử lý, nên đã được gộp để theo dõi chung. Anh/chị sẽ nhận được câu trả lời khi cơ quan xử lý xong.`,
  answered: (code: string, agency: string, answer: string) =>
    `${agency} đã trả lời phản ánh ${code} của anh/chị:\n${answer}\n\nXin anh/chị đánh giá mức độ hài lòng với câu trả lời bằng các nút bên dưới, từ 1 (rất không hài lòng) đến 5 (rất hài lòng).`,
  reopened: (code: string, due: string) =>
    `Cảm ơn anh/chị đã đánh giá. Vì anh/chị chưa hài lòng, phản ánh ${code} đã được mở lại và chuyển cơ quan xem xét thêm, hạn trả lời mới là ngày ${due}.`,
  infoRequested: (code: string, question: string) =>
    `Cơ quan xử lý phản ánh ${code} cần anh/chị bổ sung thông tin: ${question}`,
  transferred: (code: string, agency: string) =>
    `Phản ánh ${code} đã được chuyển đến ${agency} là cơ quan có thẩm quyền giải quyết.`,
  overdue: (code: string) =>
    `Phản ánh ${code} đã quá hạn trả lời. Đề nghị lãnh đạo cơ quan chỉ đạo xử lý ngay.`,
  ackOverdue: (code: string) =>
    `Phản ánh ${code} đã quá hạn tiếp nhận mà chưa có cán bộ nhận xử lý. Đề nghị lãnh đạo cơ quan phân công ngay.`,
  /** The rating buttons under an agency's answer: each names its ticket, so it is understood in any dialog state. */
  ratingButtons: (code: string) => [1, 2, 3, 4, 5].map((n) => `${n}/5 · ${code}`),
} as const;
