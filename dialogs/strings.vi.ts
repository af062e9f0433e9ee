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
    internal_error:
      'Đã có lỗi ngoài ý muốn. Chúng tôi đã ghi nhận và sẽ khắc phục sớm. Xin vui lòng thử lại sau.',
  },
} as const;

/** Stable error codes that have a Vietnamese message. */
export type ErrorCode = keyof typeof vi.errors;
