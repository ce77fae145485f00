-- A certificate keeps the organisation's standing when it was issued ('verified' or 'partner'),
-- so that the verification page can say when the organisation has lost it since. Certificates
-- issued before this kept nothing: they take the standing the organisation has now.
ALTER TABLE hours_certificates ADD COLUMN org_verification TEXT;
UPDATE hours_certificates SET org_verification =
    (SELECT o.verification FROM organisations o WHERE o.id = hours_certificates.org_id);

-- One live certificate per person, organisation and year, whatever requests arrive at once
-- (issuing locks the person's row; this is the backstop). Doubles made before are revoked,
-- keeping the newest.
UPDATE hours_certificates SET revoked_at = issued_at
WHERE revoked_at IS NULL AND EXISTS (
    SELECT 1 FROM hours_certificates n
    WHERE n.user_id = hours_certificates.user_id AND n.org_id = hours_certificates.org_id
      AND substr(n.period_from, 1, 4) = substr(hours_certificates.period_from, 1, 4)
      AND n.revoked_at IS NULL AND n.id > hours_certificates.id
);
CREATE UNIQUE INDEX hours_certificates_one_live
    ON hours_certificates (user_id, org_id, substr(period_from, 1, 4)) WHERE revoked_at IS NULL;
