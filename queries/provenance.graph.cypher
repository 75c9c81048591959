// Graph form of provenance: the entity and the reports that mention it (one relationship per mention).
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
MATCH mentioned = (:Report)-[:MENTIONS]->(e)
RETURN mentioned
