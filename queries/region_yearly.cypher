// title: A region's yearly picture
// description: For each year a region reported on: how many entities of each kind its report names, and how many statistics it states.
// param region: 青浦区
MATCH (r:Report {region: $region})
CALL (r) {
  MATCH (r)-[:MENTIONS]->(e)
  RETURN e.type AS kind, count(DISTINCT e) AS count
  UNION
  MATCH (r)-[:STATES]->(s:Statistic)
  RETURN 'Statistic' AS kind, count(s) AS count
}
RETURN r.year AS year, r.id AS report, kind, count
ORDER BY year, report, kind
