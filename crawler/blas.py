"""numpy's BLAS library on one thread, in every storywatch process, before numpy is imported.

OpenBLAS starts a thread per core when numpy is imported, and a thread that finished its share of a BLAS call
spins for a while before it sleeps. storywatch's parallelism is its processes (the extraction workers beside the
crawl process); its numpy work is element-wise arithmetic (crawler.dedup's bins) and sparse products by scipy
(crawler.membership), which use no BLAS threads. On this 2-core machine the crawl process's one extra BLAS thread
spent 0.32 CPU s of a 1000-page crawl's 8.1 s and did nothing the decision needed: the decision of 5000 candidates
took 3.49 / 3.20 s with one thread, 3.94 / 3.27 s with two (`python benchmarks/decision_speed.py --sizes 5000`,
alternating). A worker's start cost 0.52-0.62 CPU s with two BLAS threads, 0.40-0.44 s with one. A value the user
set is kept.
"""

from __future__ import annotations

import os

# The environment variables that set how many threads numpy's BLAS library starts when numpy is imported.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    """Before numpy is imported: its BLAS library starts one thread, not one per core (a user's setting is kept)."""
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
