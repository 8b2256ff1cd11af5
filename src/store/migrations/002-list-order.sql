-- The list endpoints and exports page through documents newest first, by (created_at, id):
-- keyset pagination on this index instead of OFFSET, so a page costs the same at any depth.
CREATE INDEX documents_created_idx ON documents (created_at DESC, id DESC);
