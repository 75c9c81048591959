// title: What serves an event
// description: Mechanisms, teams, documents and sites that serve an event (by name or alias, e.g. 进博会) or one of its editions.
// param event: 进博会
MATCH (e:Event)
WHERE e.name = $event OR $event IN coalesce(e.aliases, [])
MATCH (edition:Event)-[:PART_OF*0..1]->(e)
MATCH (x)-[:SERVES]->(edition)
RETURN DISTINCT x.type AS kind, x.name AS name, edition.name AS event
ORDER BY kind, name, event
