"""Imported by the extraction pool's fork server: loads what every worker needs, once.

``multiprocessing`` forks each pool worker from its fork server, so what the server has
loaded a worker has from its first instruction, shared copy-on-write. Building the
pipeline and loading the gazetteer and pypinyin's tables took each worker ~1.6
CPU-seconds, paid twice inside a 10-second ``govkg load --workers 2``; loaded here, it is
paid once, while the command connects to Neo4j. See :func:`govkg.loaders.parallel.warm_up`.
"""

from govkg.loaders.parallel import warm_up

warm_up()
