-- Canned answers staff can start from when answering, per category (NULL: any category). Administrators edit them.
CREATE TABLE canned_answers (
  id serial PRIMARY KEY,
  category text REFERENCES categories (code),
  title text NOT NULL,
  body text NOT NULL
);
INSERT INTO canned_answers (category, title, body) VALUES
  (NULL, 'Đã tiếp nhận, đang kiểm tra',
   'Cơ quan đã tiếp nhận phản ánh của ông/bà và đang tổ chức kiểm tra, xác minh. Kết quả xử lý sẽ được thông báo đến ông/bà trong thời hạn quy định. Trân trọng cảm ơn ông/bà đã quan tâm, phản ánh.'),
  (NULL, 'Đã xử lý xong',
   'Cơ quan đã kiểm tra và xử lý nội dung ông/bà phản ánh. Kết quả cụ thể: ... Trân trọng cảm ơn ông/bà đã đồng hành cùng chính quyền.'),
  ('giao-thong', 'Đã sửa chữa mặt đường',
   'Đơn vị quản lý đường đã kiểm tra hiện trường và tổ chức sửa chữa, hoàn trả mặt đường tại vị trí ông/bà phản ánh. Trân trọng cảm ơn ông/bà.'),
  ('moi-truong', 'Đã thu gom, xử lý rác',
   'Đơn vị vệ sinh môi trường đã thu gom, xử lý rác thải tại vị trí ông/bà phản ánh và tăng cường kiểm tra, giám sát. Trân trọng cảm ơn ông/bà.'),
  ('dien-nuoc', 'Đã khắc phục sự cố',
   'Đơn vị cung cấp dịch vụ đã khắc phục sự cố tại khu vực ông/bà phản ánh. Trân trọng cảm ơn ông/bà.');
