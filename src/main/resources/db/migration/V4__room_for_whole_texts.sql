-- A customer message may carry a 20,000-character comment plus the system's verdict line; keywords up to
-- 50 × 40 characters with commas.
alter table tf_message alter column body set data type varchar(21000);
alter table tf_kb_article alter column keywords set data type varchar(2100);
