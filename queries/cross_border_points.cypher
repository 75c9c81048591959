// title: Cross-border observation points
// description: Observation points the report calls cross-domain (跨域) or that lie outside the province of the government that set them up, with where they lie up to the province.
// lists: chain
// chain: the places above the site up to its province, nearest first.
MATCH (founder)-[:ESTABLISHED]->(point:ObservationPoint)-[:LOCATED_IN]->(site)
MATCH chain = (site)-[:PART_OF|LOCATED_IN*0..6]->(province:Province)
MATCH (founder)-[:PART_OF|LOCATED_IN*0..6]->(home:Province)
WITH point, site, province, home, chain ORDER BY length(chain)
WITH point, site, province, home, head(collect(chain)) AS chain
WHERE point.name CONTAINS '跨域' OR province <> home
RETURN point.name AS point, site.name AS located_in,
       [n IN tail(nodes(chain)) | n.name] AS chain,
       province.name AS province, home.name AS home_province, province <> home AS outside
ORDER BY point
