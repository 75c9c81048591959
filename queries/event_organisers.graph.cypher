// Graph form of event_organisers: each event with the bodies and regions that organised it.
MATCH organised = (organiser)-[:ORGANIZED]->(:Event)
RETURN organised
