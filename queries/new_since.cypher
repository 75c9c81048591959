// title: What is new in a region's report
// description: Entities a region's report for one year names that its report for an earlier year did not (e.g. 青浦区 2024 against 2023).
// param region: 青浦区
// param year: 2024
// param previous: 2023
// The earlier report's entities first: checking each entity's incoming MENTIONS would
// read every report that names a widely named one.
MATCH (old:Report {region: $region, year: $previous})-[:MENTIONS]->(seen)
WITH collect(DISTINCT seen) AS before
MATCH (new:Report {region: $region, year: $year})-[:MENTIONS]->(e)
WHERE NOT e IN before
RETURN DISTINCT e.type AS kind, e.name AS name
ORDER BY kind, name
