-- Notices that also go by SMS (the few where timing matters, to proved mobile numbers): none,
-- pending (decided, not yet queued), queued (in the outbox, maybe held until 08:00), sent,
-- failed, or skipped (over the person's monthly number, or no template set up for it).
ALTER TABLE notifications ADD COLUMN sms_state TEXT NOT NULL DEFAULT 'none'
    CHECK (sms_state IN ('none', 'pending', 'queued', 'sent', 'failed', 'skipped'));
CREATE INDEX notifications_sms ON notifications (sms_state) WHERE sms_state = 'pending';
-- What counts against the monthly number: a person's notices by SMS, by time.
CREATE INDEX notifications_sms_month ON notifications (user_id, created_at)
    WHERE sms_state IN ('queued', 'sent');

-- SMS on or off per kind of notice (NULL: on, where the kind goes by SMS at all).
ALTER TABLE notification_settings ADD COLUMN sms BIGINT CHECK (sms IN (0, 1));
