-- Publication of a case on /phan-anh: the citizen's consent, asked at filing (NULL: never asked, so never published),
-- and the anonymised summary the agency approved for publication (the citizen's own text is never published).
ALTER TABLE tickets ADD COLUMN publish_consent boolean;
ALTER TABLE tickets ADD COLUMN public_summary text;
