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
    TokenExpired: 'Phiên trò chuyện đã hết hạn. Xin vui lòng tải lại trang để bắt đầu phiên mới.',
    token_invalid: 'Mã truy cập không hợp lệ.',
    conversation_forbidden: 'Mã truy cập này không dùng được cho cuộc trò chuyện được yêu cầu.',
    conversation_not_found: 'Không tìm thấy cuộc trò chuyện này.',
    activity_invalid: 'Tin nhắn gửi lên không đúng định dạng.',
    activity_too_large: 'Tin nhắn quá dài. Xin vui lòng rút gọn rồi gửi lại.',
    upload_invalid: 'Tệp gửi lên không hợp lệ. Xin vui lòng gửi ảnh JPG, PNG, WEBP hoặc GIF.',
    upload_too_large: 'Tệp quá lớn. Xin vui lòng gửi ảnh nhỏ hơn.',
    attachment_not_found: 'Không tìm thấy tệp đính kèm này.',
    bot_error: 'Trợ lý đang gặp sự cố khi xử lý tin nhắn. Xin vui lòng thử lại sau ít phút.',
  },
  bot: {
    welcome:
      'Xin chào! Tôi là trợ lý tiếp dân trực tuyến của UBND tỉnh. Tôi có thể giải đáp về nghị quyết, chính sách; tiếp nhận phản ánh, kiến nghị của người dân và doanh nghiệp; và tra cứu kết quả xử lý. Bạn cần giúp gì ạ?',
    menuPrompt: 'Bạn muốn làm gì tiếp theo? Bạn cũng có thể gõ trực tiếp câu hỏi hoặc nội dung phản ánh.',
    menu: {
      ask: 'Hỏi về chính sách',
      feedback: 'Gửi phản ánh, kiến nghị',
      business: 'Vướng mắc doanh nghiệp',
      track: 'Tra cứu phản ánh',
      rate: 'Đánh giá trả lời',
    },
    help: 'Bạn có thể gõ câu hỏi về nghị quyết, chính sách bằng lời của mình, hoặc mô tả sự việc cần phản ánh. Bất cứ lúc nào: gõ "menu" để về danh sách chức năng, "hủy" hoặc "thôi" để dừng việc đang làm, "trợ giúp" để xem hướng dẫn này.',
    cancelled: 'Đã hủy. Thông tin bạn đang nhập dở chưa được gửi đi.',
    nothingToCancel: 'Hiện không có việc gì đang làm dở.',
    smalltalkThanks: 'Rất vui được giúp bạn!',
    error: 'Xin lỗi, hệ thống vừa gặp sự cố khi xử lý tin nhắn của bạn. Xin vui lòng thử lại sau ít phút.',
    choiceRetry: 'Xin vui lòng chọn một trong các lựa chọn bên dưới.',
    skip: 'Bỏ qua',
    yes: 'Có',
    no: 'Không',
    ask: {
      prompt: 'Mời bạn nhập câu hỏi về nghị quyết, chính sách của tỉnh.',
      retry: 'Câu hỏi hơi ngắn. Xin vui lòng nêu rõ hơn điều bạn muốn hỏi.',
      sources: 'Nguồn trích dẫn:',
      forwardPrompt: 'Bạn có muốn chuyển câu hỏi này tới cơ quan có thẩm quyền để được trả lời không?',
      forwardYes: 'Chuyển câu hỏi',
      notForwarded: 'Vâng. Bạn có thể hỏi câu khác bất cứ lúc nào.',
    },
    feedback: {
      intro: 'Tôi sẽ giúp bạn gửi phản ánh, kiến nghị. Bạn có thể gõ "hủy" bất cứ lúc nào để dừng.',
      prefilled: 'Tôi đã ghi nhận nội dung bạn vừa gửi và sẽ giúp bạn gửi thành phản ánh chính thức.',
      complaintProcedure:
        'Lưu ý: khiếu nại, tố cáo được giải quyết theo Luật Khiếu nại và Luật Tố cáo. Nội dung của bạn sẽ được chuyển tới Thanh tra tỉnh; cơ quan có thể đề nghị bạn gửi đơn có chữ ký và giấy tờ kèm theo.',
      submitterPrompt: 'Bạn gửi phản ánh với tư cách nào?',
      citizen: 'Người dân',
      business: 'Doanh nghiệp',
      categoryPrompt: 'Phản ánh của bạn thuộc lĩnh vực nào?',
      locationPrompt:
        'Sự việc xảy ra ở xã, phường nào? Bạn có thể gõ tên xã/phường (kể cả tên cũ trước sáp nhập), địa chỉ cụ thể, hoặc chia sẻ vị trí.',
      locationFound: (name: string) => `Đã xác định địa bàn: ${name}.`,
      locationUnknown:
        'Tôi chưa xác định được xã/phường từ địa chỉ này; địa chỉ bạn nhập vẫn được ghi lại để cơ quan xử lý.',
      locationShared: 'Đã nhận vị trí bạn chia sẻ.',
      descriptionPrompt: 'Xin vui lòng mô tả sự việc: việc gì, ở đâu, từ khi nào, ảnh hưởng ra sao.',
      descriptionRetry: 'Nội dung hơi ngắn. Xin vui lòng mô tả rõ hơn (ít nhất khoảng 10 ký tự).',
      photosPrompt:
        'Bạn có ảnh chụp hiện trường không? Bấm biểu tượng đính kèm để gửi ảnh, hoặc chọn "Bỏ qua".',
      photosRetry: 'Xin vui lòng gửi ảnh (JPG, PNG) hoặc chọn "Bỏ qua".',
      photosReceived: (n: number) => `Đã nhận ${n} ảnh.`,
      consentPrompt:
        'Để cơ quan chức năng liên hệ khi cần làm rõ, bạn có đồng ý cung cấp họ tên và số điện thoại không? Theo Luật Bảo vệ dữ liệu cá nhân, thông tin này chỉ dùng để xử lý phản ánh, không công khai, và bạn có thể yêu cầu xóa bất cứ lúc nào. Bạn có thể bỏ qua bước này.',
      consentYes: 'Đồng ý cung cấp',
      namePrompt: 'Xin cho biết họ và tên của bạn.',
      phonePrompt: 'Xin cho biết số điện thoại liên hệ.',
      phoneRetry:
        'Số điện thoại chưa đúng. Xin vui lòng nhập số di động hoặc cố định Việt Nam, ví dụ 0912345678.',
      summaryTitle: 'Xin vui lòng kiểm tra lại thông tin:',
      summaryKind: 'Loại',
      summarySubmitter: 'Người gửi',
      summaryCategory: 'Lĩnh vực',
      summaryLocation: 'Địa bàn',
      summaryDescription: 'Nội dung',
      summaryPhotos: 'Ảnh',
      summaryContact: 'Liên hệ',
      summaryNoContact: 'không cung cấp',
      summaryNone: 'chưa xác định',
      confirmPrompt: 'Bạn có muốn gửi phản ánh này không?',
      confirmYes: 'Gửi phản ánh',
      confirmNo: 'Không gửi',
      businessMarker: '(Doanh nghiệp phản ánh)',
      notSent: 'Phản ánh chưa được gửi. Bạn có thể bắt đầu lại bất cứ lúc nào.',
      received: (code: string, pin: string, agency: string, due: string) =>
        `Đã tiếp nhận phản ánh của bạn.\n\nMã tra cứu: **${code}**\n\nMã PIN: **${pin}**\n\nCơ quan xử lý: ${agency}. Hạn trả lời: ${due}.\n\nXin vui lòng lưu lại mã tra cứu và mã PIN để theo dõi kết quả. Kết quả cũng sẽ được gửi lại vào cuộc trò chuyện này.`,
      duplicate:
        'Nội dung này trùng với một phản ánh đang được xử lý; hai phản ánh đã được gộp để theo dõi chung.',
      kinds: {
        question: 'Câu hỏi',
        feedback: 'Phản ánh, kiến nghị',
        complaint: 'Khiếu nại',
        denunciation: 'Tố cáo',
      },
    },
    track: {
      codePrompt: 'Xin cho biết mã tra cứu (ví dụ TH-7K3Q9).',
      codeRetry: 'Mã tra cứu chưa đúng dạng. Mã gồm 2 chữ cái, dấu gạch ngang và 5 ký tự, ví dụ TH-7K3Q9.',
      pinPrompt: 'Xin cho biết mã PIN đi kèm mã tra cứu.',
      pinRetry: 'Mã PIN gồm từ 4 đến 8 chữ số.',
      notFound: 'Không tìm thấy phản ánh với mã tra cứu và mã PIN này. Xin vui lòng kiểm tra lại.',
      status: (code: string, status: string, agency: string, due: string) =>
        `Phản ánh ${code}: ${status}.\n\nCơ quan xử lý: ${agency}. Hạn trả lời: ${due}.`,
      answer: (answer: string) => `Trả lời của cơ quan: ${answer}`,
      statuses: {
        new: 'mới tiếp nhận',
        assigned: 'đã chuyển cơ quan xử lý',
        in_progress: 'đang xử lý',
        answered: 'đã có trả lời',
        closed: 'đã hoàn thành',
        reopened: 'đang xử lý lại',
        transferred: 'đã chuyển cơ quan khác',
        rejected: 'không thụ lý',
      } as Record<string, string>,
    },
    rate: {
      intro: 'Cảm ơn bạn đã dành thời gian đánh giá kết quả trả lời phản ánh.',
      ratingPrompt: 'Bạn hài lòng với câu trả lời của cơ quan ở mức nào?',
      ratings: [
        '1 - Rất không hài lòng',
        '2 - Không hài lòng',
        '3 - Bình thường',
        '4 - Hài lòng',
        '5 - Rất hài lòng',
      ],
      commentPrompt: 'Bạn có góp ý thêm không? Gõ góp ý hoặc chọn "Bỏ qua".',
      thanks: 'Cảm ơn bạn! Đánh giá đã được ghi nhận.',
      reopened:
        'Chúng tôi rất tiếc vì kết quả chưa làm bạn hài lòng. Phản ánh đã được mở lại để cơ quan xem xét.',
      notAnswered: 'Phản ánh này chưa có câu trả lời nên chưa thể đánh giá.',
      failed: 'Không thể ghi nhận đánh giá cho phản ánh này. Xin vui lòng kiểm tra lại mã tra cứu và mã PIN.',
    },
    interim: {
      notKnown:
        'Xin lỗi, hiện tôi chưa có thông tin để trả lời câu hỏi này trong cơ sở dữ liệu văn bản. Tôi có thể chuyển câu hỏi tới cơ quan có thẩm quyền để được trả lời.',
    },
    categories: {
      'giao-thong': 'Giao thông, đường sá',
      'trat-tu-xay-dung': 'Trật tự xây dựng, đô thị',
      'dat-dai': 'Đất đai, bồi thường',
      'moi-truong': 'Môi trường, rác thải, ô nhiễm',
      'nong-nghiep': 'Nông nghiệp, thủy lợi',
      'lao-dong-an-sinh': 'Lao động, việc làm, an sinh, BHXH',
      'hanh-chinh-cong': 'Thủ tục hành chính, thái độ cán bộ',
      'dien-nuoc': 'Điện, nước sinh hoạt, chiếu sáng',
      'an-ninh-trat-tu': 'An ninh, trật tự, tiếng ồn',
      'y-te': 'Y tế, an toàn thực phẩm',
      'giao-duc': 'Giáo dục',
      'doanh-nghiep-dau-tu': 'Doanh nghiệp, đầu tư, thuế',
      khac: 'Khác',
    } as Record<string, string>,
    webchat: {
      title: 'Tiếp dân trực tuyến',
      subtitle: 'Hỏi đáp chính sách và tiếp nhận phản ánh, kiến nghị',
      loading: 'Đang kết nối…',
      failed: 'Không kết nối được tới trợ lý. Xin vui lòng tải lại trang sau ít phút.',
      privacy:
        'Không nhập số CCCD, mật khẩu hay thông tin nhạy cảm. Thông tin liên hệ chỉ được thu thập khi bạn đồng ý.',
      newConversation: 'Cuộc trò chuyện mới',
    },
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
} as const;

/** Stable error codes that have a Vietnamese message. */
export type ErrorCode = keyof typeof vi.errors;
