-- Entities named by each document and chunk (provinces, communes, party congresses, terms of office, years,
-- document numbers), extracted at ingest. An answer must be about the entity the question names: the search
-- returns these with each passage so a passage about another province or congress is not taken as the answer.
-- The document's province is inferred from its title, issuer and text, and an administrator may correct it.
-- Rows ingested before this migration have '{}' and are analysed when read (see entities/agreement.ts).

ALTER TABLE kb_documents ADD COLUMN province text;
ALTER TABLE kb_documents ADD COLUMN entities jsonb NOT NULL DEFAULT '{}';
ALTER TABLE kb_chunks ADD COLUMN entities jsonb NOT NULL DEFAULT '{}';
