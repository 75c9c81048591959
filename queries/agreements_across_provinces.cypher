// title: Agreements that span more than one province
// description: Each agreement with the regions linked to it (its parties, the regions of bodies party to it, the members of a zone it covers) and their provinces; only agreements that reach at least min_provinces provinces; the first `limit` rows by agreement name.
// param min_provinces: 2
// param limit: 1000
MATCH (a:Agreement)
CALL (a) {
  MATCH (a)<-[:PARTY_TO]-(party)-[:LOCATED_IN*0..1]->(region:Place)
  RETURN region
  UNION
  MATCH (a)-[:COVERS]->(:Place)<-[:PART_OF]-(region:Place)
  RETURN region
}
MATCH (region)-[:PART_OF*0..4]->(province:Province)
WITH a, collect(DISTINCT province.name) AS provinces, collect(DISTINCT {region: region.name, province: province.name}) AS links
WHERE size(provinces) >= $min_provinces
UNWIND links AS link
RETURN a.name AS agreement, size(provinces) AS provinces, link.province AS province, link.region AS region
ORDER BY agreement, province, region
LIMIT $limit
