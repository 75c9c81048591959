// Graph form of implementing_documents.
MATCH implements = (:Document)-[:IMPLEMENTS]->(:Document)
RETURN implements
