-- One counter of what the public programme pages and the programmes API show: every statement that changes a
-- programme, group, item, report, evidence file, ticket link, agency or holiday moves it, in the writer's own
-- transaction. A replica keys its cached reads and rendered pages on (version, day), so a report filed on any
-- replica is shown by every replica on its next request, never a stale page (src/programmes/render-cache.ts).
CREATE TABLE programme_data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO programme_data_version (id, version) VALUES (true, 1);

CREATE FUNCTION programme_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE programme_data_version SET version = version + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programmes', 'programme_groups', 'programme_items', 'programme_reports',
                           'programme_evidence', 'programme_ticket_links', 'agencies', 'holidays'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT '
                   'EXECUTE FUNCTION programme_data_version_bump()', t || '_data_version', t);
  END LOOP;
END $$;
