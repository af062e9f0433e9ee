/** The administrator pages: accounts, agencies, routing rules, categories and the knowledge base. */
export const adminVi = {
  nav: {
    users: 'Tài khoản',
    agencies: 'Cơ quan',
    routing: 'Quy tắc chuyển',
    categories: 'Lĩnh vực và câu trả lời mẫu',
    knowledge: 'Kho tri thức',
    questions: 'Câu hỏi chưa trả lời được',
  },
  knowledge: {
    title: 'Kho tri thức của trợ lý',
    uploadTitle: 'Tải lên văn bản',
    uploadHint: (maxMb: number) =>
      `Nhận tệp .txt, .md, .html, .pdf, .docx, tối đa ${maxMb} MB. Tải lên tệp cùng tên sẽ thay thế bản cũ. Các thông tin bên dưới không bắt buộc; nếu bỏ trống, hệ thống tự lấy từ nội dung văn bản.`,
    file: 'Tệp văn bản',
    docTitle: 'Tên văn bản',
    issuer: 'Cơ quan ban hành',
    number: 'Số, ký hiệu',
    date: 'Ngày ban hành',
    datePlaceholder: 'năm-tháng-ngày, ví dụ 2025-06-16',
    source: 'Nguồn (đường dẫn)',
    province: 'Tỉnh, thành phố văn bản nói về',
    provinceHint:
      'Trợ lý chỉ dùng văn bản để trả lời câu hỏi về đúng tỉnh, thành phố này. Để trống: hệ thống tự nhận diện từ tên, cơ quan ban hành và nội dung.',
    noProvince: 'Không gắn với tỉnh nào (toàn quốc)',
    provinceInferred: (name: string | null) => `tự nhận diện: ${name ?? 'không rõ'}`,
    provinceSetBy: (who: string | null) => (who ? `do ${who} đặt` : 'đặt trong cổng'),
    provinceAuto: 'Để trống để hệ thống tự nhận diện lại.',
    provinceSaved: (title: string, province: string | null) =>
      province
        ? `Đã ghi «${title}» là văn bản về ${province}.`
        : `Đã ghi «${title}» là văn bản không gắn với tỉnh nào.`,
    provinceReset: (title: string) => `«${title}» trở lại tỉnh, thành phố do hệ thống tự nhận diện.`,
    upload: 'Tải lên và lập chỉ mục',
    uploaded: (name: string) =>
      `Đã nhận tệp «${name}». Hệ thống đang lập chỉ mục; trạng thái hiển thị bên dưới.`,
    uploadsTitle: 'Các lần tải lên gần đây',
    noUploads: 'Chưa có tệp nào được tải lên.',
    pending: 'Có tệp đang chờ hoặc đang được lập chỉ mục.',
    refresh: 'Cập nhật trạng thái',
    statusLabel: 'Trạng thái',
    status: { queued: 'Đang chờ', running: 'Đang lập chỉ mục', done: 'Hoàn tất', failed: 'Lỗi' },
    outcome: { added: 'thêm mới', updated: 'đã cập nhật', unchanged: 'nội dung không đổi' },
    chunks: (n: number) => `${n} đoạn`,
    by: 'Người tải lên',
    when: 'Thời điểm',
    documentsTitle: (n: number) => `Văn bản trong kho (${n})`,
    chunkCount: 'Số đoạn',
    remove: 'Xóa',
    removed: 'Đã xóa văn bản khỏi kho tri thức.',
    questionsTitle: 'Câu hỏi trợ lý chưa trả lời được',
    questionsIntro:
      'Những câu hỏi người dân đã hỏi mà kho tri thức chưa có câu trả lời, câu được hỏi nhiều nhất ở trên cùng. Số điện thoại, số định danh và thư điện tử trong câu hỏi đã được che. Câu trả lời được công bố sẽ trở thành một văn bản hỏi đáp trong kho, trợ lý dùng ngay cho các lần hỏi sau.',
    questionStatus: { open: 'Chưa trả lời', answered: 'Đã công bố trả lời', dismissed: 'Đã bỏ qua' },
    noQuestions: 'Không có câu hỏi nào trong mục này.',
    asked: (n: number) => `Được hỏi ${n} lần`,
    lastAsked: 'lần gần nhất',
    questionLabel: 'Câu hỏi (có thể sửa lại cho rõ)',
    answerLabel: 'Câu trả lời',
    publish: 'Công bố câu trả lời',
    published: 'Đã công bố câu trả lời vào kho tri thức.',
    dismiss: 'Bỏ qua câu hỏi này',
    publishedAs: 'Đã công bố thành văn bản',
  },
  usersTitle: 'Tài khoản cán bộ',
  agenciesTitle: 'Cơ quan, đơn vị',
  routingTitle: 'Quy tắc chuyển phản ánh',
  categoriesTitle: 'Lĩnh vực và câu trả lời mẫu',
  username: 'Tên đăng nhập',
  displayName: 'Họ và tên',
  role: 'Vai trò',
  agency: 'Cơ quan',
  active: 'Đang hoạt động',
  locked: 'Đang bị khóa',
  create: 'Tạo tài khoản',
  resetPassword: 'Cấp lại mật khẩu',
  deactivate: 'Ngừng hoạt động',
  activate: 'Kích hoạt',
  oneTimePassword: (username: string, password: string) =>
    `Mật khẩu dùng một lần của ${username}: ${password} — chỉ hiển thị lần này, xin chuyển cho cán bộ qua kênh an toàn.`,
  save: 'Lưu',
  name: 'Tên',
  code: 'Mã',
  kind: 'Loại',
  category: 'Lĩnh vực',
  communeKnown: 'Biết xã/phường',
  target: 'Chuyển đến',
  communeUbnd: 'UBND xã/phường nơi xảy ra',
  any: 'Bất kỳ',
  yes: 'Có',
  no: 'Không',
  addCategory: 'Thêm hoặc đổi tên lĩnh vực',
  cannedTitle: 'Câu trả lời mẫu',
  addCanned: 'Thêm câu trả lời mẫu',
  title: 'Tiêu đề',
  body: 'Nội dung',
  allCategories: 'Mọi lĩnh vực',
  delete: 'Xóa',
  /** `npm run portal:user`: what the command line prints. */
  cli: {
    usage: `Cách dùng: npm run portal:user -- --username TÊN --name "Họ và tên" [--role admin|supervisor|staff|oversight]
                            [--agency MÃ_HOẶC_TÊN_CƠ_QUAN] [--password-stdin] [--reset-password]
           npm run portal:user -- --list-agencies
Không có --password-stdin thì hệ thống tạo một mật khẩu mạnh và in ra một lần.
--agency nhận mã cơ quan (xem --list-agencies) hoặc tên cơ quan, có dấu hay không dấu đều được.`,
    created: (u: string) => `Đã tạo tài khoản ${u}.`,
    reset: (u: string) => `Đã đặt lại mật khẩu cho ${u} (các phiên đăng nhập cũ đã kết thúc).`,
    password: (p: string) => `Mật khẩu (chỉ hiện một lần, hãy lưu giữ an toàn): ${p}`,
    agenciesHeader: 'Mã cơ quan\tTên cơ quan',
    unknownAgency: (a: string) =>
      `Không tìm thấy cơ quan "${a}". Xem danh sách bằng: npm run portal:user -- --list-agencies`,
    ambiguousAgency: (a: string, names: string[]) =>
      `"${a}" khớp với nhiều cơ quan; hãy ghi rõ hơn hoặc dùng mã:\n${names.join('\n')}`,
    folderInUse: (dir: string, pid: number) =>
      `Thư mục dữ liệu ${dir} đang được máy chủ (tiến trình ${pid}) sử dụng, nên lệnh này không mở được cơ sở dữ liệu.
Khi máy chủ đang chạy: đăng nhập bằng tài khoản quản trị và tạo, khóa hoặc đặt lại mật khẩu tài khoản tại /portal/admin/users.
Hoặc dừng máy chủ rồi chạy lại lệnh này. (Với DATABASE_URL trỏ tới PostgreSQL, lệnh chạy được cả khi máy chủ đang chạy.)`,
  },
} as const;
