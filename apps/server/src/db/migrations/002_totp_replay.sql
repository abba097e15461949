-- The last TOTP time step accepted for an account: a code seen once cannot be replayed within its window.
ALTER TABLE accounts ADD COLUMN mfa_last_step bigint;
