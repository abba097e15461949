-- Server processes keep resolved sessions in memory for a short while (SessionCache). Any change that can alter a
-- session's answer signals the account on the `careloop_auth` channel when its transaction commits, whatever code
-- (or person at psql) made it; every process drops that account's cached sessions. The session's own "last seen"
-- touch changes nothing that is cached, so it does not signal.
CREATE FUNCTION careloop_auth_signal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'accounts' THEN
    PERFORM pg_notify('careloop_auth', COALESCE(NEW.id, OLD.id)::text);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('careloop_auth', OLD.account_id::text);
  ELSE
    PERFORM pg_notify('careloop_auth', NEW.account_id::text);
    IF TG_OP = 'UPDATE' AND OLD.account_id IS DISTINCT FROM NEW.account_id THEN
      PERFORM pg_notify('careloop_auth', OLD.account_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_auth_signal
  AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.mfa_state IS DISTINCT FROM NEW.mfa_state
        OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.org_id IS DISTINCT FROM NEW.org_id
        OR OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
        OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token)
  EXECUTE FUNCTION careloop_auth_signal();
CREATE TRIGGER sessions_auth_signal_delete
  AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION careloop_auth_signal();

CREATE TRIGGER accounts_auth_signal
  AFTER UPDATE ON accounts FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.kind IS DISTINCT FROM NEW.kind
        OR OLD.display_name IS DISTINCT FROM NEW.display_name
        OR OLD.is_platform_admin IS DISTINCT FROM NEW.is_platform_admin)
  EXECUTE FUNCTION careloop_auth_signal();

CREATE TRIGGER memberships_auth_signal
  AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION careloop_auth_signal();
