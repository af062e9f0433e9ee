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
