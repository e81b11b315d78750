-- The title under which a unit's printed reports are signed (Nghị định 30/2020/NĐ-CP), e.g. 'CHỦ TỊCH' or
-- 'KT. CHỦ TỊCH - PHÓ CHỦ TỊCH'. Null: the reports print the default title, CHỦ TỊCH.
alter table administrative_unit add column report_signer_title varchar(100)
    check (report_signer_title is null or report_signer_title = btrim(report_signer_title) and report_signer_title <> '');
