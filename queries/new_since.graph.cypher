// Graph form of new_since: the later report with what it names that the earlier one did not
// (one MENTIONS line per entity, however often the report names it).
MATCH (old:Report {region: $region, year: $previous})-[:MENTIONS]->(seen)
WITH collect(DISTINCT seen) AS before
MATCH (new:Report {region: $region, year: $year})-[mention:MENTIONS]->(e)
WHERE NOT e IN before
WITH new, e, head(collect(mention)) AS mention
RETURN new, e, mention
