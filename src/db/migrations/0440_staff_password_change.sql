-- Accounts given a password by someone else (the CLI, an administrator's create or reset) must choose their own
-- at the next sign-in.
ALTER TABLE staff_users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
