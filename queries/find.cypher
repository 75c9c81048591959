// title: Find entities by a fragment of their name
// description: Entities whose name or one of whose aliases contains a fragment (two characters or more), found through the full-text index over names and aliases (CJK analyzer): each with its class, the places it lies in or belongs to, and the reports that name it; the first `limit` by name.
// param fragment: 观察点
// param limit: 50
// lists: places, reports
// The index finds candidates by CJK bigrams (the fragment as one phrase); the CONTAINS
// check keeps the answer exact, so it is the same as a substring search.
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($fragment, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
WITH DISTINCT node
WHERE node.name CONTAINS $fragment OR any(alias IN coalesce(node.aliases, []) WHERE alias CONTAINS $fragment)
WITH node ORDER BY node.name LIMIT $limit
CALL (node) {
  OPTIONAL MATCH (node)-[:LOCATED_IN|PART_OF]->(place:Place)
  WITH place ORDER BY place.name
  RETURN collect(DISTINCT place.name) AS places
}
CALL (node) {
  OPTIONAL MATCH (report:Report)-[:MENTIONS]->(node)
  WITH DISTINCT report ORDER BY report.id
  RETURN collect(report.id) AS reports
}
RETURN node.name AS name, node.class AS class, places, reports
ORDER BY name
