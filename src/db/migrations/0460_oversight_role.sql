-- Oversight (giám sát, phản biện: People's Council deputies, the Fatherland Front): a portal role that reads every
-- agency's programme items and ticket figures, comments on items and follows them, but reports on nothing and acts
-- on no ticket. Oversight accounts belong to no agency.
ALTER TABLE staff_users DROP CONSTRAINT staff_users_role_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check
  CHECK (role IN ('staff', 'supervisor', 'admin', 'oversight'));
ALTER TABLE staff_users DROP CONSTRAINT staff_users_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_agency_check
  CHECK (CASE role WHEN 'admin' THEN true WHEN 'oversight' THEN agency_id IS NULL ELSE agency_id IS NOT NULL END);
