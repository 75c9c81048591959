// title: Documents implementing other documents
// description: Documents whose titles nest another document (《A〈B〉实施方案》), with the document they implement.
MATCH (d:Document)-[:IMPLEMENTS]->(o:Document)
RETURN d.name AS document, o.name AS implements
ORDER BY document, implements
