// title: Partners of a region
// description: Every other county-level region linked to a region through a shared cooperation zone, an agreement (as parties, or through a zone the agreement covers), or a site (observation point, mediation centre) it set up there.
// param region: 青浦区
MATCH (r:Place {name: $region})
CALL (r) {
  MATCH (r)-[:PART_OF]->(zone:Place)<-[:PART_OF]-(partner:Place)
  WHERE zone.class = 'CooperationZone'
  RETURN partner, 'zone' AS link, zone.name AS via
  UNION
  MATCH (r)<-[:LOCATED_IN*0..1]-()-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-()-[:LOCATED_IN*0..1]->(partner:Place)
  RETURN partner, 'agreement' AS link, a.name AS via
  UNION
  MATCH (r)-[:PART_OF]->(:Place)<-[:COVERS]-(a:Agreement)
  MATCH (a)-[:COVERS]->(:Place)<-[:PART_OF]-(partner:Place)
  RETURN partner, 'agreement' AS link, a.name AS via
  UNION
  MATCH (r)-[:ESTABLISHED]->(site)-[:LOCATED_IN]->()-[:PART_OF*0..4]->(partner:Place)
  WHERE site:ObservationPoint OR site:MediationCentre
  RETURN partner, 'site' AS link, site.name AS via
}
WITH r, partner, link, via
WHERE partner <> r AND partner.class = 'County'
RETURN DISTINCT partner.name AS partner, link, via
ORDER BY partner, link, via
