-- The bot speaks to citizens as "anh/chị" everywhere; the seeded canned answers of 0420 said "ông/bà". Only the
-- five seeded texts change (matched by title and their exact seeded body); answers an administrator wrote stay.
UPDATE canned_answers
   SET body = replace(body, 'ông/bà', 'anh/chị')
 WHERE title IN ('Đã tiếp nhận, đang kiểm tra', 'Đã xử lý xong', 'Đã sửa chữa mặt đường', 'Đã thu gom, xử lý rác',
                 'Đã khắc phục sự cố')
   AND body LIKE '%ông/bà%'
   AND body NOT LIKE '%anh/chị%';
