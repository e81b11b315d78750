-- An address to reach the official at; optional, since many commune staff share an office mailbox or have none.
alter table user_account add column email varchar(254);

-- Usernames are what the service accepts: 3 to 64 of a-z, 0-9, '.', '_' and '-', stored in lower case.
alter table user_account add constraint user_account_username_shape check (username ~ '^[a-z0-9._-]{3,64}$');

-- Deliberately no foreign key from user_account.unit_code to administrative_unit: a unit's identity is its code
-- within a validity period, and codes are not unique across periods (the reform of 1 July 2025 gave closed units'
-- codes to new ones), so there is no unique column to reference. The service checks instead that the code names
-- a unit valid on the day of the assignment, within the scope of whoever assigns it.
