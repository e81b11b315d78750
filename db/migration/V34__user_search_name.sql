-- The user search ignores case and diacritics, as the unit search does: "tran thi" finds "Trần Thị Bình". The folded
-- name is kept beside the display name (UserAccount.rename, by Unicode.fold); those kept before are folded here by the
-- same rule: the names are NFC (V33), so NFD, drop the combining marks, lower case, and đ as d.
alter table user_account add column search_name varchar(200);
update user_account set search_name = translate(lower(regexp_replace(normalize(display_name, NFD), '[\u0300-\u036f]', '', 'g')), 'đĐ', 'dd');
alter table user_account alter column search_name set not null;
