-- Display names are kept in Unicode NFC (UserAccount.rename), so that a search typed precomposed finds a name typed
-- with combining marks (Unikey's "Unicode tổ hợp", macOS) and the other way round; those kept before are made so.
update user_account set display_name = normalize(display_name, NFC) where display_name is not nfc normalized;
