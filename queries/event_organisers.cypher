// title: Who organised events
// description: Events, training courses and campaigns with each body or region that organised them (ORGANIZED), as the reports state it; an event several bodies held jointly has one row per organiser.
MATCH (organiser)-[:ORGANIZED]->(event:Event)
RETURN DISTINCT event.name AS event, organiser.name AS organiser, organiser.type AS organiser_kind
ORDER BY event, organiser
