// Graph form of find: the entities found, where they lie, and the reports that name them.
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($fragment, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
WITH DISTINCT node
WHERE node.name CONTAINS $fragment OR any(alias IN coalesce(node.aliases, []) WHERE alias CONTAINS $fragment)
WITH node ORDER BY node.name LIMIT $limit
OPTIONAL MATCH lies = (node)-[:LOCATED_IN|PART_OF]->(:Place)
OPTIONAL MATCH named = (:Report)-[:MENTIONS]->(node)
RETURN node, collect(DISTINCT lies) AS lies, collect(DISTINCT named) AS named
