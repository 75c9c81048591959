// title: What is new in a region's report
// description: Entities a region's report for one year names that its report for an earlier year did not (e.g. 青浦区 2024 against 2023).
// param region: 青浦区
// param year: 2024
// param previous: 2023
MATCH (new:Report {region: $region, year: $year})-[:MENTIONS]->(e)
WHERE NOT EXISTS {
  MATCH (old:Report {region: $region, year: $previous})-[:MENTIONS]->(e)
}
RETURN DISTINCT e.type AS kind, e.name AS name
ORDER BY kind, name
