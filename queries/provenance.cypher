// title: Where a report says it
// description: The source sentences for an entity: each mention's report, offsets, exact text and sentence.
// param name: 昆山市淀山湖镇跨域基层法治观察点
CALL () {
  MATCH (e:Institution {name: $name}) RETURN e
  UNION MATCH (e:Place {name: $name}) RETURN e
  UNION MATCH (e:Agreement {name: $name}) RETURN e
  UNION MATCH (e:Document {name: $name}) RETURN e
  UNION MATCH (e:Mechanism {name: $name}) RETURN e
  UNION MATCH (e:ObservationPoint {name: $name}) RETURN e
  UNION MATCH (e:MediationCentre {name: $name}) RETURN e
  UNION MATCH (e:Event {name: $name}) RETURN e
}
MATCH (r:Report)-[m:MENTIONS]->(e)
RETURN r.id AS report, m.start AS start, m.end AS end, m.text AS text, m.sentence AS sentence
ORDER BY report, start
