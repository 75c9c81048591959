// Graph form of cross_border_points: who set each point up, where it lies up to the
// province, and the founder's own way up to its province.
MATCH (founder)-[:ESTABLISHED]->(point:ObservationPoint)-[:LOCATED_IN]->(site)
MATCH chain = (site)-[:PART_OF|LOCATED_IN*0..6]->(province:Province)
MATCH home = (founder)-[:PART_OF|LOCATED_IN*0..6]->(homeProvince:Province)
WITH founder, point, site, province, homeProvince, chain, home ORDER BY length(chain), length(home)
WITH founder, point, site, province, homeProvince, head(collect(chain)) AS chain, head(collect(home)) AS home
WHERE point.name CONTAINS '跨域' OR province <> homeProvince
MATCH setUp = (founder)-[:ESTABLISHED]->(point)-[:LOCATED_IN]->(site)
RETURN setUp, chain, home
