-- An organisation can withdraw a certificate it no longer stands behind (wrong person, hours
-- recorded by mistake). Who did it and why stay with the certificate; the public verification
-- page only ever says "revoked".
ALTER TABLE hours_certificates ADD COLUMN revoked_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE hours_certificates ADD COLUMN revoke_reason TEXT;

CREATE INDEX hours_certificates_org ON hours_certificates (org_id, issued_at);
