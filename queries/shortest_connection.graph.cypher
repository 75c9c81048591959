// Graph form of shortest_connection: every shortest chain as a path.
MATCH path = allShortestPaths((a:Place {name: $from})-[:PART_OF|LOCATED_IN|ESTABLISHED|ISSUED|PARTY_TO|COVERS|SERVES|IMPLEMENTS*..4]-(b:Place {name: $to}))
RETURN path
