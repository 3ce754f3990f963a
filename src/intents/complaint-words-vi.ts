import type { ComplaintWords } from './complaint-lexicon.js';

const counts = ['2', '3', '4', '5', '6', '7', '8', '9', '10', 'hai', 'ba', 'bốn', 'tư', 'năm', 'sáu', 'mấy', 'n'];

/**
 * Vietnamese complaint vocabulary, with and without diacritics and in chat spelling (vl, vcl,
 * dm; ko/k/hok for "không" come from the shared abbreviations). A folded entry must not be
 * an everyday word once its diacritics are gone: "kiện" (sue) is also "kiện hàng" (parcel),
 * so only phrases such as "khởi kiện" are listed; such words go to `accentedCues`.
 */
export const complaintWordsVi: ComplaintWords = {
  cues: {
    insult: [
      'gian dối', 'nói dối', 'lừa đảo', 'lừa gạt', 'lừa bịp', 'bịp bợm', 'bị lừa', 'lừa tiền', 'lừa khách', 'lừa người', 'định lừa', 'lừa à', 'lừa hả', 'lừa nhau',
      'gian lận', 'gian thương', 'lươn lẹo', 'ăn cướp', 'cướp tiền', 'cướp trắng', 'khốn nạn', 'mất dạy', 'vô học', 'vô văn hóa', 'vô văn hoá',
      'thất đức', 'lật lọng', 'bố láo', 'láo toét', 'láo lếu', 'bot ngu', 'ngu như bò', 'ngu vl', 'ngu vcl',
      'vô dụng', 'rác rưởi', 'đồ rác', 'hàng rác', 'như rác', 'dm', 'dmm', 'dcm', 'đmm', 'đcm', 'vcc', 'clgt', 'mẹ kiếp', 'như cc', 'như cứt',
      'hàng dỏm', 'hàng lởm', 'hàng nhái', 'hàng fake', 'đồ fake', 'lừa đảo rõ ràng', 'treo đầu dê', 'bọn lừa', 'lũ lừa',
    ],
    threat: [
      'luật sư', 'khởi kiện', 'kiện ra tòa', 'kiện ra toà', 'đi kiện', 'sẽ kiện', 'kiện shop', 'kiện công ty', 'kiện cty', 'kiện các', 'kiện bên',
      'ra tòa', 'ra toà', 'tòa án', 'toà án', 'hội bảo vệ người tiêu dùng', 'bảo vệ người tiêu dùng', 'bảo vệ quyền lợi người tiêu dùng',
      'hội người tiêu dùng', 'cục cạnh tranh', 'quản lý thị trường', 'báo công an', 'công an', 'trình báo', 'tố cáo', 'khiếu kiện',
      'bóc phốt', 'phốt', 'review 1 sao', 'đánh giá 1 sao', 'vote 1 sao', 'cho 1 sao', '1 sao cho', 'đánh giá xấu',
      'đăng lên mạng', 'đưa lên mạng', 'lên mạng nói', 'lên facebook', 'đăng facebook', 'lên fb', 'đăng fb', 'post fb', 'lên face', 'lên tiktok',
      'lên báo', 'báo chí', 'nhà báo', 'tẩy chay', 'báo cáo lên', 'cho cả thiên hạ biết', 'cho mọi người biết', 'cảnh báo mọi người', 'làm lớn chuyện', 'làm to chuyện',
    ],
    anger: [
      'quá đáng', 'bức xúc', 'bực mình', 'bực bội', 'phát bực', 'tức quá', 'tức chết', 'tức điên', 'tức thật', 'điên tiết', 'điên máu', 'sôi máu',
      'ức chế', 'không thể chấp nhận', 'không chấp nhận được', 'vô lý', 'coi thường khách', 'xem thường khách', 'coi thường người',
      'hết chịu nổi', 'không chịu nổi', 'chịu hết nổi', 'chịu không nổi', 'làm ăn kiểu', 'làm ăn như', 'làm ăn chán', 'làm ăn tắc trách',
      'làm ăn thế', 'làm ăn vậy', 'làm ăn gì', 'làm việc kiểu gì', 'thế là thế nào', 'chán ngấy', 'chán shop', 'chán quá', 'chán thật',
      'không bao giờ mua', 'không bao giờ quay lại', 'lần cuối mua', 'lần cuối cùng mua', 'không mua nữa', 'cạch mặt', 'kinh tởm', 'ghê tởm',
      'vô trách nhiệm', 'thiếu trách nhiệm', 'tắc trách', 'cẩu thả', 'hách dịch', 'thô lỗ', 'mất uy tín', 'không uy tín', 'thiếu uy tín',
      'mất lòng tin', 'mất niềm tin', 'hết tin', 'quá lắm', 'mệt mỏi với', 'mệt với shop', 'phí thời gian', 'mất thời gian của tôi',
      'là sai lầm', 'sai lầm khi', 'không chấp nhận cách', 'tôi không chấp nhận', 'không nhận trách nhiệm', 'không chịu trách nhiệm', 'đùn đẩy',
      'hết nói nổi', 'hết chỗ nói', 'tệ không thể tả', 'không thể tin được', 'không tin nổi', 'có trách nhiệm không', 'trách nhiệm ở đâu', 'đối xử như', 'đối xử thế', 'đối xử vậy', 'đối xử kiểu', 'như rùa',
      'không giải quyết được gì', 'không thể hiểu nổi', 'không hiểu nổi', 'ai chịu trách nhiệm', 'ai chịu nổi', 'nói chuyện kiểu đó', 'kiểu đó với khách', 'với khách như vậy', 'với khách như thế', 'đừng có hứa', 'coi khách ra gì', 'coi khách hàng ra gì', 'một đằng', 'khinh khách', 'coi thường', 'xem thường', 'hẹn lên hẹn xuống', 'hẹn tới hẹn lui',
      'mất niềm tin hoàn toàn', 'ai dám mua', 'ai mà dám', 'thế thì ai', 'còn làm ăn không', 'còn làm không', 'còn hoạt động không vậy', 'còn bán không vậy', 'như cái c', 'như c', 'như l', 'không ai quan tâm',
      'chẳng ai quan tâm', 'đuổi khách', 'như đuổi', 'hết kiên nhẫn', 'mất kiên nhẫn', 'cảm ơn vì chẳng', 'cảm ơn vì không', 'chụp giật', 'làm ăn chộp giật', 'đối xử với khách', 'phớt lờ', 'làm ngơ', 'lơ tin nhắn', 'không thèm', 'nhát gừng', 'lảng tránh', 'né tránh', 'trốn tránh', 'vòng vo', 'trả lời cho có', 'kiểu cho có', 'làm cho có', 'nói một đằng', 'mua chỗ khác', 'mua nơi khác', 'mua shop khác', 'sang shop khác', 'qua shop khác', 'không đến mức này', 'không đáng tiền', 'mất tiền oan', 'tiếc tiền', 'seen không rep', 'không thèm trả lời', 'coi khách như'
    ],
    strong: [
      'làm ẩu', 'cực hình', 'ác mộng', 'như ném', 'tiền mất tật mang', 'kém chất lượng', 'chất lượng tồi', 'quá tệ', 'tệ quá', 'rất tệ', 'thật tệ', 'tệ thật', 'tệ hại', 'tệ vậy', 'tệ thế', 'tệ nhất', 'tệ hết sức', 'tồi tệ', 'dở tệ', 'dở ẹc',
      'kém cỏi', 'kinh khủng', 'khủng khiếp', 'quá kém', 'kém quá', 'rất kém', 'phục vụ kém', 'dịch vụ kém', 'dịch vụ tệ', 'chất lượng kém',
      'chất lượng tệ', 'cực kỳ tệ', 'cực tệ', 'chả ra gì', 'chẳng ra gì', 'không ra gì', 'như hạch', 'thái độ tệ', 'thái độ kém', 'thái độ lồi lõm',
      'thái độ như', 'thái độ gì', 'thái độ láo', 'thiếu chuyên nghiệp', 'không chuyên nghiệp', 'kém chuyên nghiệp', 'mất lịch sự', 'bất lịch sự',
      'vô lễ', 'hỗn láo', 'cộc lốc', 'cộc cằn', 'khinh người', 'vỡ nát', 'quá ẩu', 'ẩu quá', 'cáu gắt', 'quát tháo', 'chửi bới', 'đòi thêm tiền', 'thu thêm tiền', 'chặt chém', 'hứa suông', 'hứa lèo', 'thất hứa', 'sai hẹn', 'lỡ hẹn',
    ],
    complaint: ['khiếu nại', 'phàn nàn', 'phản ánh'],
    failure: [
      'giao sai', 'gửi sai', 'gửi nhầm', 'giao nhầm', 'nói sai', 'tư vấn sai', 'hủy đơn của tôi',
      'giao cho người khác', 'giao thiếu', 'gửi thiếu', 'thiếu đồ', 'thiếu món', 'bắt trả thêm', 'bắt trả', 'hứa rồi để đó', 'giao nhầm', 'giao cái khác', 'không đúng mô tả', 'vẫn lỗi', 'vẫn hỏng', 'vẫn không chạy', 'lại hỏng', 'hỏng lại', 'lỗi lại', 'không xin lỗi', 'không một lời xin lỗi',
      'không thông báo', 'làm hỏng', 'làm vỡ', 'làm bẩn', 'không giống hình', 'không giống ảnh', 'khác hình', 'khác ảnh', 'không như hình', 'không như quảng cáo', 'khác quảng cáo',
    ],
    mild: ['không giống mô tả', 'không giống ảnh', 'không giống hình', 'khác xa', 'không được như mong đợi', 'không như mong đợi', 'chất lượng đi xuống', 'đi xuống rõ', 'kém đi', 'không như trước', 'báo đã giao nhưng', 'tiếc ghê', 'tiếc quá', 'hơi buồn', 'không vui', 'không ưng', 'không ổn', 'không hài lòng', 'không ngờ an phát', 'không ngờ shop', 'thất vọng', 'không hài lòng', 'chưa hài lòng', 'không vừa ý', 'không vừa lòng', 'hụt hẫng'],
    wait: ['đợi lâu quá', 'chờ lâu quá', 'đợi quá lâu', 'chờ quá lâu', 'đợi mãi', 'chờ mãi', 'đợi hoài', 'chờ hoài', 'chờ mòn mỏi', 'mòn mỏi', 'dài cổ', 'đợi dài cổ', 'chờ dài cổ', 'còn phải đợi', 'còn phải chờ', 'phải đợi đến bao giờ', 'phải chờ đến bao giờ', 'đợi đến bao giờ', 'chờ đến bao giờ', 'đến bao giờ nữa', 'đợi đến khi nào'],
    repeat: [
      ...counts.map((count) => `lần thứ ${count}`),
      ...counts.map((count) => `${count} lần rồi`),
      'bao nhiêu lần rồi', 'bao nhiêu lần', 'nhiều lần rồi', 'nhiều lần', 'mấy lần rồi',
      'hứa hoài', 'hẹn hoài', 'hẹn mãi', 'hẹn lần hẹn lữa', 'lần này vẫn', 'lần này lại', 'đã góp ý', 'góp ý rồi', 'y như cũ', 'vẫn như cũ', 'lần nào cũng', 'lại nữa', ...counts.map((count) => `${count} lần`),
    ],
    chase: [
      ...['gọi', 'hỏi', 'liên hệ'].flatMap((verb) => [...counts.map((count) => `${verb} ${count} lần`), `${verb} mấy lần`, `${verb} bao nhiêu lần`, `${verb} mãi`, `${verb} hoài`, `${verb} nhiều lần`]),
    ],
    unresolved: [
      'vẫn chưa', 'vẫn không', 'vẫn chẳng', 'chưa thấy', 'chưa nhận được', 'chưa có ai', 'không thấy ai', 'không ai trả lời', 'không ai nghe máy', 'không ai nghe', 'không ai bắt máy', 'không ai nhấc máy', 'không nghe máy', 'không trả lời',
      'không bắt máy', 'ko rep', 'không nghe', 'chưa xong', 'không cho đổi', 'không chịu đổi', 'không chịu hoàn', 'không chịu trả',
      'không ai', 'chẳng ai', 'chả ai', 'đâu rồi', 'ở đâu rồi', 'không ai rep', 'không ai phản hồi', 'không phản hồi', 'chẳng thấy', 'mãi không', 'mãi chưa', 'mà chưa', 'mà vẫn', 'mà không thấy', 'chưa hoàn',
      'chưa trả', 'chưa giao', 'chưa hề', 'bặt vô âm tín', 'không liên lạc được', 'im re', 'seen không rep', 'không thèm trả lời',
    ],
    demand: [
      'ngay lập tức', 'lập tức', 'ngay bây giờ', 'ngay và luôn', 'ngay đi', 'trả lại tiền', 'trả tiền lại', 'hoàn tiền ngay', 'hoàn lại tiền ngay',
      'đền tiền', 'bồi thường', 'đòi tiền', 'đòi lại tiền', 'trả tiền cho tôi', 'trả tiền đây', 'trả lời đi', 'trả lời ngay', 'rep đi', 'rep lẹ',
      'nhanh lên', 'lẹ lên', 'mau lên', 'giải quyết ngay', 'xử lý ngay', 'lời giải thích', 'giải thích đi', 'yêu cầu giải thích', 'giải thích rõ',
    ],
    // A defect alone is a warranty question ("áo bị rách ở tay, shop xử lý giúp"); early or with a feeling, a complaint.
    emotion: [
      'bong keo', 'bung chỉ', 'tuột chỉ', 'lỗi đường may', 'bị lỗi', 'bị rách', 'bị hỏng', 'đứt chỉ', 'bạc màu', 'ra màu', 'sứt', 'mới mặc', 'mới dùng', 'mới đi', 'mặc 1 lần', 'dùng 1 lần', 'mặc một lần', 'dùng một lần', 'đi một lần', 'giặt một lần', 'giặt 1 lần', 'xù lông', 'bị trừ tiền', 'tiền bị trừ', 'đã trừ tiền', 'lẽ ra phải', 'đáng lẽ phải', 'đáng lẽ', 'trợn mắt', 'lườm', 'mệt mỏi', 'chậm rì', 'kém hẳn', 'bị ướt', 'ướt sũng', 'dưới mưa', 'dầm mưa', 'nát bét', 'bị nát', 'hộp nát', 'mất luôn', 'bị mất hàng', 'khó chịu', 'lại bảo mình', 'lại bắt mình', 'bắt mình tự', 'bắt khách', 'không thèm gọi', 'không thèm báo', 'cũng không thèm', 'thậm chí không', 'lần đầu',
      'bị hủy', 'bị huỷ', 'móp méo', 'hư hỏng', 'bị hư', 'là hư', 'đã hư', 'tự hủy', 'không đến', 'không tới', 'không thấy đến', 'bảo không có', 'đến muộn', 'đến trễ', 'giao trễ', 'giao muộn', 'thất lạc', 'không đúng hẹn', 'rỉ sét',
      'tệ', 'chậm trễ', 'trễ hẹn', 'lâu quá', 'quá lâu', 'lâu vậy', 'lâu thế', 'lâu lắm', 'lâu vl', 'trời ơi', 'trời đất', 'vl', 'vcl', 'vkl', 'vler',
      'cmn', 'hứa', 'không ai đến', 'phải nghỉ làm', 'mất cả ngày', 'đã hỏng', 'đã bị hỏng', 'đã hư', 'mất công', 'các người', 'mấy người', 'thái độ nhân viên', 'sai lầm', 'đã hứa', 'hứa là', 'hẹn là', 'sao không ai', 'tại sao không ai', 'gì mà', 'kiểu gì mà', 'kỳ vậy', 'kì vậy', 'kỳ cục', 'mà không báo', 'không báo trước', 'không thèm báo', 'vậy là sao', 'sao lại thế', 'sao lại vậy', 'gì vậy trời', 'hả trời', 'ủa alo', 'alo alo', 'mệt quá', 'chán ghê',
    ],
  },
  accentedCues: {
    // "dối trá" (lies) folds like "đổi trả" (returns).
    insult: ['dối trá', 'lừa', 'mày', 'đồ ngu', 'ngu thế', 'ngu vậy', 'quá ngu', 'ngu quá', 'đéo', 'đếch', 'cút', 'láo', 'bịp', 'cứt', 'đểu', 'dỏm', 'lởm', 'hàng giả', 'rác'],
    // "nhắn" (text) folds like "nhận" (receive): "chờ xác nhận hoài" is not chasing.
    chase: ['nhắn', 'nhắn tin'].flatMap((verb) => [...counts.map((count) => `${verb} ${count} lần`), `${verb} mấy lần`, `${verb} bao nhiêu lần`, `${verb} mãi`, `${verb} hoài`, `${verb} nhiều lần`]),
    anger: ['điên', 'bực', 'phát điên', 'nổi điên', 'quá quắt', 'quá thể', 'tởm', 'cáu', 'cáu gắt'],
    // "hỗn" (rude) folds like "hơn" (more), "quát" (yell) like "quạt" (fan), "chửi" (swear) like "chui".
    strong: ['tồi', 'hỗn', 'quát', 'chửi'],
    demand: ['gấp', 'liền đi'],
    // "bị vỡ" (broken) folds like "bị vô" (got into): "máy bị vô nước".
    emotion: ['nản', 'sờn', 'bị vỡ', 'bị móp', 'móp', 'rách', 'bẹp', 'ném', 'quăng', 'ẩu', 'phai màu', 'bị trầy', 'kém', 'chậm', 'trễ', 'muộn', 'chán', 'dở', 'buồn', 'mệt', 'vãi'],
  },
  harmless: [
    'xử lý rác', 'thùng rác', 'máy hút rác', 'buồn ngủ', 'dở dang', 'chậm nhất', 'muộn nhất', 'trễ nhất', 'không tệ', 'tệ đâu', 'gấp đôi', 'gấp ba', 'gấp đồ',
    'rác thải', 'phân loại rác', 'túi rác', 'tư vấn không', 'tư vấn chưa', 'tư vấn chẳng', 'mã vận đơn', 'mã vận', 'bao lâu vậy', 'bao lâu thế',
    'không báo giá', 'các người dùng', 'mấy người dùng', 'không có gì để phàn nàn', 'không có gì phàn nàn', 'chẳng có gì để phàn nàn',
  ],
  targets: ['dịch vụ', 'phục vụ', 'nhân viên', 'thái độ', 'chất lượng', 'cskh', 'chăm sóc khách hàng', 'hỗ trợ', 'tư vấn', 'shipper', 'kỹ thuật', 'kĩ thuật', 'đối xử', 'cách làm việc'],
  contacts: ['giải thích', 'nhắn', 'nhắn tin', 'gọi', 'hỏi', 'liên hệ', 'email', 'gửi mail', 'inbox', 'ib', 'báo', 'phản ánh', 'chat'],
  // "đặt size M mà nhận được size L": what was ordered against what came.
  faults: [String.raw`\b(?:dat|mua|chon)\b.+\b(?:ma|nhung)\b (?:lai )?(?:nhan|giao|gui)\b`],
  ultimatums: ['không thì', 'không là', 'bằng không', 'nếu không'],
  accusations: [
    String.raw`\b(?:cac (?:ban|anh|chi|nguoi|em)|may nguoi|ben (?:ban|shop)|shop|ben cac ban) (?:da |lai |cu |toan |luon |con |cung )?(?:hua|bat|lua|coi|bo mac|de mac|khong them|chang them|lam an|tu huy|huy|tru tien|thu them|giao sai|gui sai|noi mot)\b`,
  ],
  conditionals: ['nếu', 'lỡ', 'lỡ như', 'giả sử', 'trường hợp', 'thì sao', 'thì làm sao', 'thì phải làm gì', 'sợ bị', 'có đổi không', 'có được không', 'được không', 'có không', 'thế nào', 'ra sao'],
  intensifiers: ['quá', 'rất', 'thật', 'lắm', 'vl', 'vcl', 'vkl', 'vãi', 'cực', 'siêu', 'kinh', 'khủng khiếp', 'hết sức', 'dã man', 'thế', 'vậy'],
  negators: ['không', 'chẳng', 'chả', 'chưa', 'đâu'],
  fillers: ['hề', 'có', 'gì', 'phải', 'quá', 'lắm', 'đến', 'nào', 'bị', 'là', 'thấy', 'thực', 'thật', 'sự', 'bao', 'giờ', 'hẳn', 'tới'],
  wait: {
    counts: ['một', 'hai', 'ba', 'bốn', 'tư', 'năm', 'sáu', 'tám', 'chín', 'mười', 'mươi', 'mấy', 'vài', 'cả', 'nửa'],
    units: ['phút', 'tiếng', 'giờ', 'ngày', 'hôm', 'tuần', 'tháng', 'năm'],
    longUnits: ['tuần', 'tháng', 'năm', 'cả tuần', 'cả tháng', 'từ tuần trước', 'từ tháng trước'],
    selfCounting: [...counts.map((count) => `ngày thứ ${count}`), ...counts.map((count) => `tuần thứ ${count}`), ...['2', '3', '4', '5', '6', '7', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy'].map((day) => `từ thứ ${day}`), 'từ chủ nhật', 'từ sáng', 'từ trưa', 'từ chiều', 'từ hôm qua', 'từ hôm kia', 'từ tuần trước', 'từ tháng trước', 'cả buổi', 'cả ngày', 'cả tuần', 'cả tháng'],
    verbs: ['chờ đợi', 'ngồi chờ', 'ngồi đợi'],
    // Typed without diacritics "doi" is as often "đổi" (exchange) as "đợi" (wait): only a marker.
    accentedVerbs: ['đợi', 'chờ'],
    markers: ['rồi', 'chưa', 'trước', 'sau', 'liền', 'liên tục', 'liên tiếp', 'vẫn chưa', 'vẫn không', 'vẫn đang', 'mà chưa', 'mà vẫn', 'mà không', 'suốt', 'hơn', 'ròng rã', 'đến giờ', 'tới giờ', 'đến bây giờ', 'tới bây giờ'],
    accentedMarkers: ['đã', 'mãi', 'doi'],
    // Not "tối đa" (at most): it folds like "tôi đã" (I have).
    estimates: ['khoảng', 'tầm khoảng', 'khoảng chừng', 'dự kiến', 'thường thì', 'thông thường', 'nữa', 'trong vòng', 'phải không', 'đúng không', 'có phải'],
    briefUnits: ['phút'],
  },
};
