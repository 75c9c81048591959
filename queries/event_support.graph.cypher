// Graph form of event_support: the event, its editions and what serves them.
MATCH (e:Event)
WHERE e.name = $event OR $event IN coalesce(e.aliases, [])
MATCH edition = (ed:Event)-[:PART_OF*0..1]->(e)
MATCH serves = (x)-[:SERVES]->(ed)
RETURN edition, serves
