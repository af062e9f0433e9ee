/** What the assistant says in chat (menu, prompts, dialog replies, the Web Chat page). */
export const botVi = {
  welcome:
    'Xin chào! Tôi là trợ lý tiếp dân trực tuyến của UBND tỉnh. Tôi có thể giải đáp về nghị quyết, chính sách; tiếp nhận phản ánh, kiến nghị của người dân và vướng mắc của doanh nghiệp; và tra cứu kết quả xử lý. Anh/chị cần giúp gì ạ?',
  menuPrompt:
    'Anh/chị muốn làm gì tiếp theo? Anh/chị cũng có thể gõ trực tiếp câu hỏi hoặc nội dung phản ánh.',
  greetAgain: 'Xin chào anh/chị! Anh/chị cần giúp gì ạ?',
  menu: {
    ask: 'Hỏi về chính sách',
    feedback: 'Gửi phản ánh, kiến nghị',
    business: 'Vướng mắc doanh nghiệp',
    track: 'Tra cứu phản ánh',
    rate: 'Đánh giá trả lời',
  },
  help: 'Anh/chị có thể gõ câu hỏi về nghị quyết, chính sách bằng lời của mình, hoặc mô tả sự việc cần phản ánh. Bất cứ lúc nào: gõ "menu" để về danh sách chức năng, "hủy" hoặc "thôi" để dừng việc đang làm, "trợ giúp" để xem hướng dẫn này. Muốn rút lại sự đồng ý cho dùng họ tên, số điện thoại đã cung cấp, xin gõ "xóa thông tin cá nhân".',
  cancelled: 'Đã hủy. Thông tin anh/chị đang nhập dở chưa được gửi đi.',
  nothingToCancel: 'Hiện không có việc gì đang làm dở.',
  smalltalkThanks: 'Rất vui được giúp anh/chị!',
  error: 'Xin lỗi, hệ thống vừa gặp sự cố khi xử lý tin nhắn của anh/chị. Xin vui lòng thử lại sau ít phút.',
  choiceRetry: 'Xin lỗi, tôi chưa rõ ý anh/chị. Anh/chị bấm một nút bên dưới hoặc gõ số thứ tự.',
  /** A long message: what the chat can take, and that the beginning was kept. */
  tooLong: (max: string, kept: string) =>
    `Tin nhắn dài hơn ${max} ký tự, mức tối đa một phản ánh có thể ghi nhận. Tôi đã giữ ${kept} ký tự đầu; anh/chị có thể xem và sửa nội dung ở bước kiểm tra trước khi gửi.`,
  /** Audio, video, links and contact cards: what the bot cannot read, and where it keeps them. */
  unreadable: {
    said: (what: string) =>
      `Cảm ơn anh/chị đã gửi ${what}. Hiện trợ lý chỉ đọc được tin nhắn chữ, ảnh chụp và vị trí. Anh/chị vui lòng mô tả bằng lời, gửi ảnh hoặc chia sẻ vị trí để trợ lý ghi nhận đầy đủ.`,
    kept: (what: string) =>
      `Trợ lý đã lưu ${what} kèm phản ánh anh/chị đang soạn để cán bộ xử lý xem cùng. Mời anh/chị tiếp tục trả lời câu hỏi ở trên.`,
    kinds: {
      audio: 'tin nhắn thoại',
      video: 'video',
      link: 'đường dẫn',
      contact: 'danh thiếp',
    },
    /** How the ticket names each kept file (the case page shows the name). */
    labels: {
      audio: 'Tin nhắn thoại',
      video: 'Video',
      link: 'Đường dẫn',
      contact: 'Danh thiếp',
    },
    notStored: 'chưa lưu được tệp: quá dung lượng hoặc không tải về được',
  },
  resume: {
    prompt: 'Anh/chị còn một phản ánh đang dở. Tiếp tục phản ánh đang dở?',
    yes: 'Tiếp tục phản ánh',
    no: 'Bỏ phản ánh đang dở',
    resumed: 'Mời anh/chị tiếp tục phản ánh đang dở.',
    dropped: 'Đã bỏ phản ánh đang dở; nội dung chưa được gửi đi.',
    kept: 'Vâng, phản ánh đang dở được giữ lại để anh/chị tiếp tục sau.',
  },
  skip: 'Bỏ qua',
  yes: 'Có',
  no: 'Không',
  ask: {
    prompt: 'Mời anh/chị nhập câu hỏi về nghị quyết, chính sách của tỉnh.',
    retry: 'Câu hỏi hơi ngắn. Xin vui lòng nêu rõ hơn điều anh/chị muốn hỏi.',
    forwardPrompt: 'Anh/chị có muốn chuyển câu hỏi này tới cơ quan có thẩm quyền để được trả lời không?',
    forwardYes: 'Chuyển câu hỏi',
    notForwarded: 'Vâng. Anh/chị có thể hỏi câu khác bất cứ lúc nào.',
  },
  feedback: {
    /** What the citizen is sending, as the messages name it. */
    nouns: {
      feedback: 'phản ánh',
      business: 'vướng mắc của doanh nghiệp',
      question: 'câu hỏi',
      complaint: 'khiếu nại',
      denunciation: 'tố cáo',
    },
    intro: (noun: string) =>
      `Tôi sẽ giúp anh/chị gửi ${noun}. Anh/chị có thể gõ "hủy" bất cứ lúc nào để dừng.`,
    prefilled: (noun: string) =>
      `Tôi đã ghi nhận nội dung anh/chị vừa gửi và sẽ giúp anh/chị gửi thành ${noun} chính thức.`,
    complaintProcedure:
      'Lưu ý: khiếu nại, tố cáo được giải quyết theo Luật Khiếu nại và Luật Tố cáo. Nội dung của anh/chị sẽ được chuyển tới Thanh tra tỉnh; cơ quan có thể đề nghị anh/chị gửi đơn có chữ ký và giấy tờ kèm theo.',
    submitterPrompt: 'Anh/chị gửi phản ánh với tư cách nào?',
    citizen: 'Người dân',
    business: 'Doanh nghiệp',
    categoryPrompt: 'Nội dung anh/chị gửi thuộc lĩnh vực nào?',
    locationPrompt:
      'Sự việc xảy ra ở xã, phường nào? Anh/chị có thể gõ tên xã/phường (kể cả tên cũ trước sáp nhập), địa chỉ cụ thể, hoặc chia sẻ vị trí.',
    businessLocationPrompt:
      'Doanh nghiệp hoặc dự án ở xã, phường nào? Anh/chị có thể gõ tên xã/phường, khu công nghiệp, địa chỉ, hoặc chọn "Bỏ qua".',
    locationRetry:
      'Xin cho biết tên xã/phường hoặc địa chỉ nơi xảy ra sự việc (ví dụ: thôn 3, xã Thiệu Toán), hoặc chọn "Bỏ qua".',
    locationFound: (name: string) => `Đã xác định địa bàn: ${name}.`,
    locationMapped: (former: string, name: string) =>
      `${former} nay thuộc ${name} (sau sắp xếp đơn vị hành chính). Đã xác định địa bàn: ${name}.`,
    locationSuggest: (typed: string) =>
      `Tôi chưa tìm thấy xã/phường «${typed}». Có phải anh/chị muốn nói một trong các xã/phường dưới đây? Nếu không, anh/chị có thể gõ lại, hoặc giữ nguyên địa chỉ đã nhập.`,
    locationKeepTyped: 'Giữ địa chỉ đã nhập',
    suggestLabel: (name: string, former: string) => `${name} (${former} cũ)`,
    locationUnknown:
      'Tôi chưa xác định được xã/phường từ địa chỉ này; địa chỉ anh/chị nhập vẫn được ghi lại để cơ quan xử lý.',
    locationShared: 'Đã nhận vị trí anh/chị chia sẻ.',
    descriptionPrompt: 'Xin vui lòng mô tả sự việc: việc gì, ở đâu, từ khi nào, ảnh hưởng ra sao.',
    businessDescriptionPrompt:
      'Xin vui lòng mô tả vướng mắc: thủ tục hoặc việc gì, đã làm đến đâu, vướng ở khâu nào, từ khi nào.',
    questionDescriptionPrompt: 'Xin vui lòng nhập câu hỏi anh/chị muốn gửi tới cơ quan có thẩm quyền.',
    descriptionRetry: 'Nội dung hơi ngắn. Xin vui lòng mô tả rõ hơn (ít nhất khoảng 10 ký tự).',
    businessNamePrompt: 'Xin cho biết tên doanh nghiệp.',
    taxCodePrompt: 'Mã số thuế của doanh nghiệp (không bắt buộc): gõ mã số thuế, hoặc chọn "Bỏ qua".',
    taxCodeRetry:
      'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với mã đơn vị phụ thuộc (ví dụ 2801234567). Xin gõ lại, hoặc chọn "Bỏ qua".',
    projectPrompt:
      'Vướng mắc liên quan đến thủ tục hoặc dự án nào? (ví dụ: thủ tục thuê đất, dự án nhà xưởng trong khu công nghiệp). Anh/chị có thể chọn "Bỏ qua".',
    photosPrompt:
      'Anh/chị có ảnh chụp hiện trường không? Bấm biểu tượng đính kèm để gửi một hoặc nhiều ảnh, hoặc chọn "Bỏ qua".',
    photosRetry: 'Xin vui lòng gửi ảnh (JPG, PNG) hoặc chọn "Bỏ qua".',
    photosMore: (n: number) => `Đã nhận ${n} ảnh. Anh/chị có thể gửi thêm ảnh, hoặc chọn "Xong".`,
    photosDone: 'Xong',
    photosCleared: 'Đã bỏ các ảnh đã gửi.',
    consentPrompt:
      'Để cơ quan chức năng liên hệ khi cần làm rõ, anh/chị có đồng ý cung cấp họ tên và số điện thoại không? Theo Luật Bảo vệ dữ liệu cá nhân, thông tin này chỉ dùng để xử lý nội dung anh/chị gửi, không công khai, và anh/chị có thể yêu cầu xóa bất cứ lúc nào. Anh/chị có thể bỏ qua bước này.',
    consentYes: 'Đồng ý cung cấp',
    namePrompt: 'Xin cho biết họ và tên của anh/chị.',
    phonePrompt: 'Xin cho biết số điện thoại liên hệ.',
    phoneRetry:
      'Số điện thoại chưa đúng. Xin vui lòng nhập số di động (10 chữ số, ví dụ 0912345678) hoặc số cố định kèm mã vùng (11 chữ số, ví dụ 0237 3855 123).',
    publishPrompt:
      'Anh/chị có đồng ý để vụ việc được đăng công khai trên trang "Phản ánh đã trả lời" không? Chỉ đăng bản tóm tắt đã được cơ quan xử lý duyệt, không kèm họ tên, số điện thoại hay ảnh.',
    publishYes: 'Đồng ý công khai',
    publishNo: 'Không công khai',
    summaryTitle: 'Xin vui lòng kiểm tra lại thông tin:',
    summaryKind: 'Loại',
    summarySubmitter: 'Người gửi',
    summaryCategory: 'Lĩnh vực',
    summaryLocation: 'Địa bàn',
    summaryDescription: 'Nội dung',
    summaryBusinessName: 'Tên doanh nghiệp',
    summaryTaxCode: 'Mã số thuế',
    summaryProject: 'Thủ tục, dự án liên quan',
    summaryPhotos: 'Ảnh',
    summaryFiles: 'Tệp khác kèm theo',
    summaryContact: 'Liên hệ',
    summaryNoContact: 'không cung cấp',
    summaryNone: 'chưa xác định',
    summaryPublish: 'Công khai',
    summaryPublishYes: 'đồng ý (bản tóm tắt được duyệt, ẩn danh)',
    summaryPublishNo: 'không',
    confirmPrompt: (noun: string) =>
      `Anh/chị có muốn gửi ${noun} này không? Nếu cần, anh/chị có thể sửa một thông tin trước khi gửi.`,
    confirmYes: 'Gửi đi',
    confirmEdit: 'Sửa thông tin',
    confirmNo: 'Không gửi',
    editPrompt: 'Anh/chị muốn sửa thông tin nào?',
    edit: {
      place: 'Nơi xảy ra',
      description: 'Nội dung',
      photos: 'Ảnh',
      business: 'Thông tin doanh nghiệp',
      contact: 'Liên hệ',
    },
    businessMarker: '(Vướng mắc của doanh nghiệp)',
    notSent: (noun: string) => `Đã hủy, ${noun} chưa được gửi đi. Anh/chị có thể bắt đầu lại bất cứ lúc nào.`,
    received: (head: string, code: string, pin: string, agency: string, due: string) =>
      `${head}\n\nMã tra cứu: **${code}**\n\nMã PIN: **${pin}**\n\nCơ quan xử lý: ${agency}. Hạn trả lời: ${due}.\n\nXin vui lòng lưu lại mã tra cứu và mã PIN để theo dõi kết quả. Kết quả cũng sẽ được gửi lại vào cuộc trò chuyện này.`,
    /** The first line of the receipt, by what was sent. */
    receivedHead: {
      feedback: () => 'Đã tiếp nhận phản ánh của anh/chị.',
      business: () => 'Đã tiếp nhận vướng mắc của doanh nghiệp.',
      complaint: () => 'Đã tiếp nhận khiếu nại của anh/chị.',
      denunciation: () => 'Đã tiếp nhận tố cáo của anh/chị.',
      question: (agency: string) => `Câu hỏi của anh/chị đã được chuyển đến ${agency}.`,
    },
    duplicate:
      'Nội dung này trùng với một phản ánh đang được xử lý; hai phản ánh đã được gộp để theo dõi chung.',
    kinds: {
      question: 'Câu hỏi',
      feedback: 'Phản ánh, kiến nghị',
      business: 'Vướng mắc của doanh nghiệp',
      complaint: 'Khiếu nại',
      denunciation: 'Tố cáo',
    },
  },
  track: {
    codePrompt: 'Xin cho biết mã tra cứu (ví dụ TH-7K3Q9).',
    codeRetry: 'Mã tra cứu chưa đúng dạng. Mã gồm 2 chữ cái, dấu gạch ngang và 5 ký tự, ví dụ TH-7K3Q9.',
    pinPrompt: 'Xin cho biết mã PIN đi kèm mã tra cứu.',
    pinRetry: 'Mã PIN gồm từ 4 đến 8 chữ số.',
    notFound:
      'Không tìm thấy phản ánh hay câu hỏi nào với mã tra cứu và mã PIN này. Xin vui lòng kiểm tra lại.',
    status: (kind: string, code: string, status: string, agency: string, due: string) =>
      `${kind} ${code}: ${status}.\n\nCơ quan xử lý: ${agency}. Hạn trả lời: ${due}.`,
    answer: (answer: string) => `Trả lời của cơ quan: ${answer}`,
    kinds: {
      question: 'Câu hỏi',
      feedback: 'Phản ánh',
      complaint: 'Khiếu nại',
      denunciation: 'Tố cáo',
    } as Record<string, string>,
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
  forget: {
    confirmPrompt:
      'Tôi sẽ xóa họ tên và số điện thoại anh/chị đã cung cấp khỏi mọi phản ánh gửi từ tài khoản trò chuyện này. Các phản ánh vẫn được xử lý; anh/chị theo dõi kết quả bằng mã tra cứu và mã PIN. Anh/chị có chắc muốn xóa không?',
    yes: 'Xóa thông tin của tôi',
    no: 'Giữ nguyên',
    kept: 'Thông tin liên hệ của anh/chị được giữ nguyên.',
    erased: (n: number) =>
      `Đã xóa họ tên và số điện thoại của anh/chị khỏi ${n} phản ánh. Cơ quan xử lý sẽ không còn thấy các thông tin này.`,
    nothing:
      'Các phản ánh gửi từ tài khoản trò chuyện này không lưu họ tên hay số điện thoại nào của anh/chị.',
  },
  rate: {
    intro: 'Cảm ơn anh/chị đã dành thời gian đánh giá kết quả trả lời phản ánh.',
    ratingPrompt: 'Anh/chị hài lòng với câu trả lời của cơ quan ở mức nào?',
    ratings: [
      '1 - Rất không hài lòng',
      '2 - Không hài lòng',
      '3 - Bình thường',
      '4 - Hài lòng',
      '5 - Rất hài lòng',
    ],
    commentPrompt: 'Anh/chị có góp ý thêm không? Gõ góp ý hoặc chọn "Bỏ qua".',
    thanks: 'Cảm ơn anh/chị! Đánh giá đã được ghi nhận.',
    reopened:
      'Chúng tôi rất tiếc vì kết quả chưa làm anh/chị hài lòng. Phản ánh đã được mở lại để cơ quan xem xét.',
    notAnswered: 'Phản ánh này chưa có câu trả lời nên chưa thể đánh giá.',
    failed: 'Không thể ghi nhận đánh giá cho phản ánh này. Xin vui lòng kiểm tra lại mã tra cứu và mã PIN.',
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
      'Không nhập số CCCD, mật khẩu hay thông tin nhạy cảm. Thông tin liên hệ chỉ được thu thập khi anh/chị đồng ý.',
    userAvatar: 'Tôi',
    shareLocation: 'Chia sẻ vị trí',
    placeholder: 'Nhập câu hỏi hoặc nội dung phản ánh…',
    locating: 'Đang lấy vị trí…',
    locationDenied: 'Không lấy được vị trí từ trình duyệt. Anh/chị có thể gõ địa chỉ thay thế.',
    /** The message a shared location sends ({lat}, {lon} are filled in by the page). */
    myLocation: 'Vị trí của tôi: {lat}, {lon}',
    newConversation: 'Cuộc trò chuyện mới',
  },
} as const;
