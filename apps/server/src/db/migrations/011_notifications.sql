-- Notifications beyond the in-app inbox: per-person channel preferences and quiet hours, web push subscriptions,
-- a delivery outbox (one row per notification and channel) that is also the admins' delivery log, and the kept
-- VAPID key pair.

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('follow_up_task', 'critical_value', 'task_assigned', 'report_ready', 'monitoring_alert',
                  'measurement_reminder', 'consultation_message', 'consultation_update', 'call_incoming'));

ALTER TABLE notifications
  ADD COLUMN category text NOT NULL DEFAULT 'system'
    CHECK (category IN ('consultation', 'appointment', 'medication', 'monitoring', 'follow_up', 'system')),
  ADD COLUMN urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('urgent', 'normal')),
  -- Set once the realtime hint went out (by whichever process claimed it first); NULL rows wait for it.
  ADD COLUMN announced_at timestamptz;

-- Rows written before this migration were never announced and must not be pushed now.
UPDATE notifications SET announced_at = created_at,
  category = CASE
    WHEN kind IN ('monitoring_alert', 'measurement_reminder', 'critical_value') THEN 'monitoring'
    WHEN kind IN ('follow_up_task', 'task_assigned', 'report_ready') THEN 'follow_up'
    ELSE 'system' END,
  urgency = CASE WHEN kind = 'critical_value' THEN 'urgent' ELSE 'normal' END;
CREATE INDEX notifications_unannounced ON notifications (created_at) WHERE announced_at IS NULL;

-- Which channels a person wants per category, and when not to be disturbed. No row: the defaults.
CREATE TABLE notification_preferences (
  account_id uuid PRIMARY KEY REFERENCES accounts(id),
  -- { "<category>": ["push", "email", ...] } for the categories the person changed.
  channels jsonb NOT NULL DEFAULT '{}',
  quiet_start time,
  quiet_end time,
  -- IANA zone for the quiet hours; NULL: the organization's zone (Asia/Shanghai without one).
  time_zone text,
  -- The person's WeChat OpenID once bound through the official account (encrypted).
  wechat_open_id_enc text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
  CHECK (quiet_start IS NULL OR quiet_start <> quiet_end)
);

-- One browser or installed PWA of an account. The endpoint is a capability URL of the push service.
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id),
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_success_at timestamptz
);
CREATE INDEX push_subscriptions_account ON push_subscriptions (account_id);

-- The outbox: written in the notifying transaction, then handed to pg-boss (enqueued_at) and worked until sent,
-- failed for good, or skipped. Errors are codes, never addresses or message text.
CREATE TABLE notification_deliveries (
  id uuid PRIMARY KEY,
  notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  org_id uuid REFERENCES orgs(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  kind text NOT NULL,
  category text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('urgent', 'normal')),
  channel text NOT NULL CHECK (channel IN ('push', 'email', 'sms', 'wechat')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  -- Later than created_at when quiet hours delayed the delivery.
  due_at timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  enqueued_at timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (notification_id, channel)
);
CREATE INDEX notification_deliveries_waiting ON notification_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX notification_deliveries_org ON notification_deliveries (org_id, id DESC);

-- Secrets the server generates for itself on first start and keeps (the VAPID key pair).
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  public_value text,
  secret_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_channel_check;
ALTER TABLE outbound_messages ADD CONSTRAINT outbound_messages_channel_check
  CHECK (channel IN ('sms', 'email', 'wechat'));
