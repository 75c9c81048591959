// Graph form of region_partners: every way the region is linked to each partner.
MATCH (r:Place {name: $region})
CALL (r) {
  MATCH p = (r)-[:PART_OF]->(zone:Place)<-[:PART_OF]-(partner:Place)
  WHERE zone.class = 'CooperationZone'
  RETURN partner, [p] AS paths
  UNION
  MATCH p = (r)<-[:LOCATED_IN*0..1]-()-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-()-[:LOCATED_IN*0..1]->(partner:Place)
  RETURN partner, [p] AS paths
  UNION
  MATCH p = (r)-[:PART_OF]->(:Place)<-[:COVERS]-(a:Agreement)
  MATCH q = (a)-[:COVERS]->(:Place)<-[:PART_OF]-(partner:Place)
  RETURN partner, [p, q] AS paths
  UNION
  MATCH p = (r)-[:ESTABLISHED]->(site)-[:LOCATED_IN]->()-[:PART_OF*0..4]->(partner:Place)
  WHERE site:ObservationPoint OR site:MediationCentre
  RETURN partner, [p] AS paths
}
WITH r, partner, paths
WHERE partner <> r AND partner.class = 'County'
UNWIND paths AS path
RETURN DISTINCT path
