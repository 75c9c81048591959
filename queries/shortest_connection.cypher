// title: Shortest connection between two regions
// description: Every shortest chain of relations (up to four steps) linking two places, e.g. 青浦区 and 昆山市, written with the direction of each relation.
// param from: 青浦区
// param to: 昆山市
MATCH path = allShortestPaths((a:Place {name: $from})-[:PART_OF|LOCATED_IN|ESTABLISHED|ISSUED|PARTY_TO|COVERS|SERVES|IMPLEMENTS*..4]-(b:Place {name: $to}))
WITH path, nodes(path) AS ns, relationships(path) AS rs
RETURN length(path) AS hops,
       reduce(s = ns[0].name, i IN range(0, size(rs) - 1) |
         s + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -' + type(rs[i]) + '-> ' ELSE ' <-' + type(rs[i]) + '- ' END + ns[i + 1].name) AS path
ORDER BY path
