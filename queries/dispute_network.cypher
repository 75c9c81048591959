// title: The dispute-resolution network
// description: Mediation and dispute centres with the centres they belong to, where they sit (host bodies or places) and who set them up.
MATCH (c:MediationCentre)
OPTIONAL MATCH (c)-[:PART_OF]->(parent)
OPTIONAL MATCH (c)-[:LOCATED_IN]->(host)
OPTIONAL MATCH (founder)-[:ESTABLISHED]->(c)
RETURN DISTINCT c.name AS centre, c.class AS class, parent.name AS part_of, host.name AS located_in, founder.name AS established_by
ORDER BY centre, part_of, located_in, established_by
