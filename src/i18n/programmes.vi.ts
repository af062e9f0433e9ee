/**
 * The sentences of the action-programme pages, import and chat answers, in Vietnamese (one catalogue file per
 * area; people are addressed as "anh/chị").
 */
export const programmesVi = {
  status: {
    not_started: 'Chưa triển khai',
    on_track: 'Đang thực hiện – đúng tiến độ',
    late: 'Chậm tiến độ',
    done: 'Hoàn thành',
    done_late: 'Hoàn thành chậm',
  },
  kind: { target: 'Chỉ tiêu', task: 'Nhiệm vụ' },
  sample:
    'Dữ liệu mẫu: chương trình này được dựng từ các bài báo trong bộ dữ liệu trình diễn, không phải số liệu chính thức.',
  sampleTag: 'Dữ liệu mẫu',
  nav: 'Tiến độ nghị quyết',
  page: {
    title: 'Tiến độ thực hiện nghị quyết',
    intro:
      'Các chương trình hành động thực hiện nghị quyết: từng chỉ tiêu, nhiệm vụ, cơ quan chủ trì, thời hạn và các báo cáo tiến độ.',
    none: 'Chưa có chương trình hành động nào được công bố.',
    items: (n: number) => `${n} chỉ tiêu, nhiệm vụ`,
    open: 'Xem chi tiết',
    document: 'Thực hiện văn bản',
    countsTitle: 'Số chỉ tiêu, nhiệm vụ theo tình trạng',
    chartLabel: 'Số chỉ tiêu, nhiệm vụ',
    exportCsv: 'Tải dữ liệu (CSV)',
    exportJson: 'Tải dữ liệu (JSON)',
    noGroup: 'Chỉ tiêu, nhiệm vụ khác',
    groupProgress: (pct: string) => `Tiến độ bình quân: ${pct}`,
    byAgency: 'Theo cơ quan chủ trì',
    col: {
      code: 'Mã',
      title: 'Nội dung',
      lead: 'Cơ quan chủ trì',
      deadline: 'Thời hạn',
      status: 'Tình trạng',
      progress: 'Tiến độ',
      latest: 'Báo cáo gần nhất',
      agency: 'Cơ quan',
      total: 'Tổng số',
      onTime: 'Đúng tiến độ',
      late: 'Chậm tiến độ',
      done: 'Hoàn thành',
      notStarted: 'Chưa triển khai',
      group: 'Nhóm',
      average: 'Tiến độ bình quân',
    },
    noAgency: 'Chưa giao cơ quan',
    groupsTitle: 'Các nhóm chỉ tiêu, nhiệm vụ',
    groupLink: (n: number) => `Xem ${n} chỉ tiêu, nhiệm vụ`,
    listTitle: 'Danh sách chỉ tiêu, nhiệm vụ',
    filter: {
      group: 'Nhóm',
      status: 'Tình trạng',
      agency: 'Cơ quan chủ trì',
      any: 'Tất cả',
      submit: 'Lọc',
      clear: 'Bỏ lọc',
    },
    showing: (from: number, to: number, total: number) =>
      `Đang hiển thị ${from}–${to} trong số ${total} chỉ tiêu, nhiệm vụ`,
    noMatch: 'Không có chỉ tiêu, nhiệm vụ nào khớp với lựa chọn của anh/chị.',
    firstPage: 'Về trang đầu',
    pager: {
      label: 'Chuyển trang',
      prev: 'Trang trước',
      next: 'Trang sau',
      page: (n: number) => `Trang ${n}`,
      of: (n: number, total: number) => `Trang ${n}/${total}`,
    },
    noReport: 'Chưa có báo cáo',
    back: (title: string) => `Quay lại: ${title}`,
    fields: {
      kind: 'Loại',
      group: 'Nhóm',
      coordinating: 'Cơ quan phối hợp',
      start: 'Bắt đầu',
      unit: 'Đơn vị tính',
      baseline: 'Giá trị ban đầu',
      target: 'Mục tiêu',
      budget: 'Nguồn lực',
      product: 'Sản phẩm',
      linked: 'Phản ánh của người dân liên quan',
    },
    linkedCount: (n: number) => (n === 0 ? 'Chưa có' : `${n} phản ánh`),
    timeline: 'Diễn biến thực hiện',
    reportValue: (pct: string | null, value: string | null, unit: string | null) =>
      [pct ? `đạt ${pct}` : null, value ? `giá trị ${value}${unit ? ` ${unit}` : ''}` : null]
        .filter(Boolean)
        .join(', '),
    evidence: 'Minh chứng',
    progressLabel: (pct: string) => `Tiến độ ${pct}`,
  },
  portal: {
    nav: 'Tiến độ nghị quyết',
    title: 'Chỉ tiêu, nhiệm vụ của cơ quan',
    allTitle: 'Chỉ tiêu, nhiệm vụ của tất cả cơ quan',
    none: 'Cơ quan chưa được giao chỉ tiêu, nhiệm vụ nào.',
    report: 'Báo cáo tiến độ',
    reportTitle: 'Gửi báo cáo tiến độ',
    reportHint:
      'Nhập tỷ lệ hoàn thành (0–100 %) hoặc giá trị đạt được (đối với chỉ tiêu), kèm nội dung và minh chứng nếu có.',
    reportDate: 'Ngày báo cáo',
    percent: 'Tỷ lệ hoàn thành (%)',
    value: 'Giá trị đạt được',
    note: 'Nội dung báo cáo',
    evidence: (mb: number) => `Tệp minh chứng (PDF, ảnh; tối đa ${mb} MB)`,
    submit: 'Gửi báo cáo',
    reported: 'Đã ghi nhận báo cáo tiến độ.',
    notYours: 'Chỉ cơ quan chủ trì mới được báo cáo tiến độ của chỉ tiêu, nhiệm vụ này.',
    linkTitle: 'Gắn phản ánh liên quan',
    linkHint: 'Nhập mã tra cứu của phản ánh, kiến nghị liên quan đến chỉ tiêu, nhiệm vụ này.',
    trackingCode: 'Mã tra cứu phản ánh',
    link: 'Gắn phản ánh',
    linked: (code: string) => `Đã gắn phản ánh ${code}.`,
    publicPage: 'Xem trang công khai',
  },
  admin: {
    nav: 'Chương trình hành động',
    title: 'Nhập chương trình hành động',
    hint: (mb: number) =>
      `Tệp CSV hoặc XLSX, mỗi dòng một chỉ tiêu hoặc nhiệm vụ (xem hướng dẫn định dạng trong tài liệu), tối đa ${mb} MB. Nhập lại cùng mã sẽ cập nhật, không tạo bản trùng.`,
    file: 'Tệp CSV hoặc XLSX',
    upload: 'Nhập dữ liệu',
    programmes: 'Các chương trình đã có',
  },
  chat: {
    item: (a: {
      title: string;
      kind: string;
      programme: string;
      status: string;
      progress: string | null;
      lead: string | null;
      deadline: string | null;
    }) =>
      [
        `«${a.title}» (${a.kind.toLowerCase()} thuộc ${a.programme}): ${a.status.toLowerCase()}`,
        a.progress ? `tiến độ đạt ${a.progress}` : 'chưa có báo cáo tiến độ',
        `cơ quan chủ trì: ${a.lead ?? 'chưa giao'}`,
        a.deadline ? `thời hạn: ${a.deadline}` : null,
      ]
        .filter(Boolean)
        .join('; ') + '.',
    latest: (date: string, note: string | null) => `Báo cáo gần nhất ngày ${date}${note ? `: ${note}` : '.'}`,
    link: (url: string) => `Xem chi tiết tại ${url}`,
    sample: '(Dữ liệu mẫu, không phải số liệu chính thức.)',
    lateIntro: (n: number) => `Hiện có ${n} chỉ tiêu, nhiệm vụ chậm tiến độ:`,
    lateLine: (title: string, lead: string | null, deadline: string | null, progress: string | null) =>
      `- ${title} (chủ trì: ${lead ?? 'chưa giao'}${deadline ? `; thời hạn ${deadline}` : ''}${progress ? `; đạt ${progress}` : ''})`,
    lateMore: (n: number) => `… và ${n} chỉ tiêu, nhiệm vụ khác.`,
    noneLate: 'Hiện không có chỉ tiêu, nhiệm vụ nào chậm tiến độ.',
    listLink: (url: string) => `Xem toàn bộ tiến độ tại ${url}`,
  },
  follow: {
    hint: (code: string) => `Nhắn «theo dõi ${code}» để nhận tin khi tình trạng thay đổi.`,
    done: (title: string, status: string, code: string) =>
      `Đã ghi nhận anh/chị theo dõi «${title}» (hiện: ${status.toLowerCase()}). Khi tình trạng thay đổi, hệ thống sẽ nhắn tin cho anh/chị tại đây. Nhắn «bỏ theo dõi ${code}» để dừng nhận tin.`,
    unknown: (named: string) =>
      `Không tìm thấy chỉ tiêu, nhiệm vụ «${named}». Anh/chị vui lòng kiểm tra lại mã hoặc tên (ví dụ: «theo dõi TH-DP-01»).`,
    ambiguous: (codes: string[]) =>
      `Có nhiều chỉ tiêu, nhiệm vụ trùng tên này: ${codes.join(', ')}. Anh/chị vui lòng nhắn «theo dõi <mã>» với một mã trong số đó.`,
    stopped: (title: string) => `Anh/chị đã dừng theo dõi «${title}» và sẽ không nhận tin về mục này nữa.`,
    notFollowing: (title: string) => `Anh/chị chưa theo dõi «${title}».`,
    button: (code: string) => `Theo dõi ${code}`,
    changed: (title: string, status: string, url: string) =>
      `«${title}» vừa chuyển sang tình trạng: ${status.toLowerCase()}. Chi tiết: ${url}`,
  },
  oversight: {
    onlyOversight: 'Chỉ đại biểu, thành viên có vai trò giám sát, phản biện mới gửi được ý kiến.',
    role: 'Giám sát, phản biện',
    commentsTitle: 'Ý kiến giám sát, phản biện',
    noComments: 'Chưa có ý kiến giám sát, phản biện.',
    commentLabel: 'Ý kiến giám sát, phản biện (hiển thị công khai trên trang tiến độ)',
    commentSubmit: 'Gửi ý kiến',
    commented: 'Đã đăng ý kiến.',
    hide: 'Ẩn ý kiến',
    hidden: '(đã ẩn khỏi trang công khai)',
    hiddenDone: 'Đã ẩn ý kiến khỏi trang công khai.',
    follow: 'Theo dõi mục này',
    unfollow: 'Bỏ theo dõi',
    followed: 'Đã theo dõi: khi tình trạng thay đổi, thông báo sẽ hiện ở đây.',
    unfollowed: 'Đã bỏ theo dõi.',
    following: 'Đang theo dõi',
    figuresTitle: 'Số liệu phản ánh theo cơ quan',
    figuresCol: {
      agency: 'Cơ quan',
      total: 'Tổng số',
      open: 'Đang xử lý',
      overdue: 'Quá hạn',
      answered: 'Đã trả lời',
    },
    noFigures: 'Chưa có phản ánh nào.',
    noticesTitle: (n: number) => `Thông báo mới (${n})`,
    markRead: 'Đánh dấu đã đọc',
    statusNotice: (code: string, title: string, status: string) =>
      `${code} «${title}» chuyển sang tình trạng: ${status.toLowerCase()}.`,
  },
  reporting: {
    reminder: (period: string, end: string, programme: string, codes: string[]) =>
      `Nhắc báo cáo kỳ ${period} (hạn ${end.split('-').reverse().join('/')}), «${programme}»: còn ${codes.length} chỉ tiêu, nhiệm vụ chưa báo cáo: ${codes.slice(0, 10).join(', ')}${codes.length > 10 ? ', …' : ''}.`,
    title: 'Tình hình báo cáo của các cơ quan',
    link: 'Tình hình báo cáo của các cơ quan',
    hint: (days: number) =>
      `Mỗi chỉ tiêu, nhiệm vụ chưa hoàn thành cần một báo cáo trong mỗi kỳ (tháng hoặc quý của chương trình). Thiếu: kỳ trước không có báo cáo; muộn: báo cáo kỳ trước được gửi sau ngày cuối kỳ. Cơ quan chủ trì được nhắc ${days} ngày trước khi kỳ kết thúc.`,
    col: {
      agency: 'Cơ quan chủ trì',
      items: 'Phải báo cáo',
      missing: 'Thiếu báo cáo kỳ trước',
      late: 'Báo cáo muộn',
      dueNow: 'Chưa báo cáo kỳ này',
    },
    missingTitle: 'Thiếu báo cáo kỳ trước',
    lateTitle: 'Báo cáo muộn kỳ trước',
    itemCol: {
      code: 'Mã',
      title: 'Chỉ tiêu, nhiệm vụ',
      agency: 'Cơ quan chủ trì',
      period: 'Kỳ',
      last: 'Báo cáo gần nhất',
    },
    none: 'Không có.',
  },
  errors: {
    programme_not_found: 'Không tìm thấy chương trình hành động này.',
    item_not_found: 'Không tìm thấy chỉ tiêu, nhiệm vụ này.',
    import_file_invalid:
      'Tệp nhập phải là bảng CSV hoặc XLSX có dòng tiêu đề. Xin vui lòng kiểm tra lại tệp.',
    import_missing_columns: (cols: string[]) => `Tệp nhập thiếu các cột: ${cols.join(', ')}.`,
    import_token_invalid: 'Mã truy cập nhập dữ liệu không hợp lệ.',
    report_invalid: 'Báo cáo tiến độ cần ngày báo cáo và tỷ lệ (0–100 %) hoặc giá trị đạt được.',
    evidence_too_large: (mb: number) => `Tệp minh chứng quá lớn (tối đa ${mb} MB).`,
    ticket_code_unknown: 'Không tìm thấy phản ánh với mã tra cứu này.',
    comment_invalid: (max: number) => `Ý kiến cần có nội dung (tối đa ${max} ký tự).`,
    comment_not_found: 'Không tìm thấy ý kiến này.',
  },
  rowErrors: {
    required: (field: string) => `thiếu giá trị cột "${field}"`,
    programmeId: 'cột "programme_id" chỉ được gồm chữ thường không dấu, chữ số và dấu - (tối đa 80 ký tự)',
    code: 'mã chỉ được gồm chữ cái không dấu, chữ số và các ký tự . _ - (tối đa 40 ký tự)',
    kind: 'cột "kind" phải là target (chỉ tiêu) hoặc task (nhiệm vụ)',
    agency: (name: string) => `không tìm thấy cơ quan "${name}"`,
    date: (field: string, value: string) =>
      `ngày "${value}" ở cột "${field}" không hợp lệ (dùng YYYY-MM-DD, DD/MM/YYYY hoặc năm)`,
    number: (field: string, value: string) => `giá trị "${value}" ở cột "${field}" không phải là số`,
    percent: 'tỷ lệ hoàn thành phải từ 0 đến 100',
    reportWithoutValue: 'có ngày báo cáo nhưng thiếu tỷ lệ hoặc giá trị đạt được',
    valueWithoutDate: 'có tỷ lệ hoặc giá trị đạt được nhưng thiếu ngày báo cáo',
    futureReport: 'ngày báo cáo ở sau ngày hôm nay',
    duplicate: (line: number) => `mã đã xuất hiện ở dòng ${line}`,
    otherProgramme: 'mã này đã thuộc một chương trình khác',
    tooLong: (field: string) => `cột "${field}" quá dài`,
  },
  importSummary: (s: { items: number; added: number; updated: number; reports: number; failed: number }) =>
    `Đã nhập ${s.items} dòng (${s.added} mới, ${s.updated} cập nhật), ${s.reports} báo cáo tiến độ mới; ${s.failed} dòng lỗi.`,
  importLine: (line: number, code: string | null, reason: string) =>
    `  ✗ dòng ${line}${code ? ` (${code})` : ''}: ${reason}`,
} as const;
