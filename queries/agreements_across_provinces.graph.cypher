// Graph form of agreements_across_provinces: each agreement that reaches at least
// min_provinces provinces, how each region is linked to it, and the way up to the province.
MATCH (a:Agreement)
CALL (a) {
  MATCH link = (a)<-[:PARTY_TO]-(party)-[:LOCATED_IN*0..1]->(region:Place)
  RETURN region, link
  UNION
  MATCH link = (a)-[:COVERS]->(:Place)<-[:PART_OF]-(region:Place)
  RETURN region, link
}
MATCH up = (region)-[:PART_OF*0..4]->(province:Province)
WITH a, collect(DISTINCT province) AS provinces, collect(link) + collect(up) AS paths
WHERE size(provinces) >= $min_provinces
WITH a, paths ORDER BY a.name LIMIT $limit
UNWIND paths AS path
RETURN DISTINCT path
