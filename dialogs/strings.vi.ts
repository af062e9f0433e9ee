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
    ticket_not_found: 'Không tìm thấy phản ánh với mã tra cứu và mã PIN này. Xin vui lòng kiểm tra lại.',
    ticket_not_answered: 'Phản ánh này chưa được trả lời nên chưa thể đánh giá.',
    invalid_transition: 'Không thể thực hiện thao tác này với phản ánh ở trạng thái hiện tại.',
    unknown_category: 'Lĩnh vực phản ánh không có trong danh mục.',
    unknown_commune: 'Không tìm thấy xã, phường này trong danh mục đơn vị hành chính.',
    unknown_agency: 'Không tìm thấy cơ quan này.',
    invalid_signature: 'Chữ ký của yêu cầu không hợp lệ.',
    stale_event: 'Sự kiện đã quá hạn hoặc có thời điểm không hợp lệ.',
    csrf_failed: 'Phiên làm việc của biểu mẫu đã hết hạn. Xin vui lòng tải lại trang và thử lại.',
    invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    account_locked:
      'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Xin vui lòng thử lại sau 15 phút.',
    invalid_username: 'Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ - (3–64 ký tự).',
    weak_password: 'Mật khẩu cần dài ít nhất 12 ký tự.',
    agency_required: 'Cán bộ và lãnh đạo phải thuộc một cơ quan.',
    username_taken: 'Tên đăng nhập này đã được sử dụng.',
    user_not_found: 'Không tìm thấy tài khoản.',
    internal_error:
      'Đã có lỗi ngoài ý muốn. Chúng tôi đã ghi nhận và sẽ khắc phục sớm. Xin vui lòng thử lại sau.',
  },
  tickets: {
    created: (code: string, agency: string, due: string) =>
      `Phản ánh của bạn đã được tiếp nhận với mã tra cứu ${code} và chuyển đến ${agency}. Cơ quan sẽ trả lời trước ngày ${due}. Bạn có thể tra cứu tiến độ bằng mã tra cứu và mã PIN đã nhận.`,
    duplicate: (code: string, original: string) =>
      `Phản ánh ${code} có nội dung trùng với phản ánh ${original} đang được xử lý, nên đã được gộp để theo dõi chung. Bạn sẽ nhận được câu trả lời khi cơ quan xử lý xong.`,
    answered: (code: string, agency: string, answer: string) =>
      `${agency} đã trả lời phản ánh ${code} của bạn:\n${answer}\n\nXin bạn đánh giá mức độ hài lòng với câu trả lời, từ 1 (rất không hài lòng) đến 5 (rất hài lòng).`,
    reopened: (code: string, due: string) =>
      `Cảm ơn bạn đã đánh giá. Vì bạn chưa hài lòng, phản ánh ${code} đã được mở lại và chuyển cơ quan xem xét thêm, hạn trả lời mới là ngày ${due}.`,
    infoRequested: (code: string, question: string) =>
      `Cơ quan xử lý phản ánh ${code} cần bạn bổ sung thông tin: ${question}`,
    transferred: (code: string, agency: string) =>
      `Phản ánh ${code} đã được chuyển đến ${agency} là cơ quan có thẩm quyền giải quyết.`,
    overdue: (code: string) =>
      `Phản ánh ${code} đã quá hạn trả lời. Đề nghị lãnh đạo cơ quan chỉ đạo xử lý ngay.`,
    ratingChoices: ['1', '2', '3', '4', '5'],
  },
  public: {
    siteTitle: 'Tiếp nhận phản ánh, kiến nghị',
    nav: { chat: 'Hỏi đáp, phản ánh', track: 'Tra cứu', published: 'Phản ánh đã trả lời', stats: 'Thống kê' },
    trackTitle: 'Tra cứu phản ánh, kiến nghị',
    trackIntro:
      'Nhập mã tra cứu và mã PIN bạn nhận được khi gửi phản ánh để xem tiến độ xử lý và câu trả lời.',
    trackingCode: 'Mã tra cứu',
    trackingCodeHint: 'Ví dụ: TH-7K3Q9',
    pin: 'Mã PIN (6 chữ số)',
    lookup: 'Tra cứu',
    notFound: 'Không tìm thấy phản ánh với mã tra cứu và mã PIN này. Xin vui lòng kiểm tra lại.',
    ticketHeading: (code: string) => `Phản ánh ${code}`,
    kindLabel: 'Loại',
    categoryLabel: 'Lĩnh vực',
    agencyLabel: 'Cơ quan xử lý',
    statusLabel: 'Trạng thái',
    createdLabel: 'Ngày tiếp nhận',
    dueLabel: 'Hạn trả lời',
    timeline: 'Quá trình xử lý',
    answer: 'Câu trả lời của cơ quan',
    noAnswerYet: 'Cơ quan chưa trả lời. Bạn sẽ nhận được câu trả lời qua kênh bạn đã gửi phản ánh.',
    rateHeading: 'Đánh giá câu trả lời',
    rateIntro: 'Bạn hài lòng với câu trả lời này ở mức nào? (1: rất không hài lòng, 5: rất hài lòng)',
    ratingLabel: 'Mức độ hài lòng',
    commentLabel: 'Góp ý thêm (không bắt buộc)',
    submitRating: 'Gửi đánh giá',
    yourRating: (n: number) => `Bạn đã đánh giá ${n}/5. Cảm ơn bạn.`,
    statuses: {
      new: 'Mới tiếp nhận',
      assigned: 'Đã chuyển cơ quan xử lý',
      in_progress: 'Đang xử lý',
      answered: 'Đã trả lời',
      closed: 'Đã hoàn thành',
      reopened: 'Đang xem xét lại',
      transferred: 'Đã chuyển cơ quan khác',
      rejected: 'Không thụ lý',
    } as Record<string, string>,
    kinds: {
      question: 'Câu hỏi',
      feedback: 'Phản ánh, kiến nghị',
      complaint: 'Khiếu nại',
      denunciation: 'Tố cáo',
    } as Record<string, string>,
    statsTitle: 'Thống kê tiếp nhận và trả lời phản ánh',
    statsIntro: 'Số liệu theo từng cơ quan, cập nhật theo thời gian thực. Không bao gồm thông tin cá nhân.',
    statsColumns: {
      agency: 'Cơ quan',
      received: 'Đã tiếp nhận',
      answered: 'Đã trả lời',
      onTime: 'Tỷ lệ đúng hạn',
      medianDays: 'Thời gian trả lời (trung vị, ngày)',
      satisfaction: 'Mức hài lòng (1–5)',
      overdue: 'Đang quá hạn',
    },
    statsTotal: 'Toàn tỉnh',
    statsCsv: 'Tải bảng số liệu (CSV)',
    statsChartLabel: 'Tỷ lệ trả lời đúng hạn (%)',
    statsNone: 'Chưa có phản ánh nào được tiếp nhận.',
    noData: '—',
    publishedTitle: 'Phản ánh, kiến nghị đã được trả lời',
    publishedIntro:
      'Các phản ánh đã được cơ quan trả lời. Thông tin cá nhân của người gửi không được công khai.',
    publishedNone: 'Chưa có phản ánh nào được trả lời.',
    olderPage: 'Trang sau',
    newerPage: 'Trang trước',
  },
  portal: {
    title: 'Cổng xử lý phản ánh, kiến nghị',
    signInTitle: 'Đăng nhập',
    signInIntro:
      'Dành cho cán bộ các cơ quan, đơn vị tiếp nhận và xử lý phản ánh, kiến nghị của người dân và doanh nghiệp.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    signedInAs: 'Đang đăng nhập:',
    roles: { staff: 'Cán bộ xử lý', supervisor: 'Lãnh đạo đơn vị', admin: 'Quản trị hệ thống' },
    noAgency: 'Toàn tỉnh',
    dashboardTitle: 'Bàn làm việc',
    skipToContent: 'Chuyển đến nội dung chính',
  },
} as const;

/** Stable error codes that have a Vietnamese message. */
export type ErrorCode = keyof typeof vi.errors;
