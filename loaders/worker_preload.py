"""Imported by the extraction pool's fork server: loads what every worker needs, once.

``multiprocessing`` forks each pool worker from its fork server, so what the server has
loaded a worker has from its first instruction, shared copy-on-write. Building the
pipeline and loading the gazetteer and pypinyin's tables took each worker ~1.6
CPU-seconds, paid twice inside a 10-second ``govkg load --workers 2``; loaded here, it is
paid once, while the command connects to Neo4j (:func:`govkg.loaders.batch.warm_up`).
Frozen afterwards, those objects are skipped by the workers' garbage collections, which
would otherwise traverse them (and copy their pages) again and again.
"""

import gc

from govkg.loaders.batch import warm_up

warm_up()
gc.freeze()
