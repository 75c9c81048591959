// title: An institution's profile
// description: What an institution established, issued, is party to, serves, where it sits and what it belongs to (every relation but mentions).
// param name: 青浦区市场监督管理局
MATCH (i:Institution {name: $name})-[r:PART_OF|LOCATED_IN|ESTABLISHED|ISSUED|PARTY_TO|COVERS|SERVES|IMPLEMENTS]-(other)
RETURN DISTINCT type(r) AS relation, CASE WHEN startNode(r) = i THEN 'out' ELSE 'in' END AS direction,
       other.type AS kind, other.name AS other
ORDER BY relation, direction, other
