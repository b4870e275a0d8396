"""``kg serve``: the store over HTTP — a read-only SPARQL 1.1 Protocol endpoint, the interactive graph,
a claim browser and ``/health``.

Modules: ``sparql`` (reading a request: query form, content negotiation, what is refused), ``results``
(answers as bytes, with the row cap), ``worker`` + ``pool`` (queries of the embedded store run in worker
processes that are killed on timeout), ``backend`` (embedded or remote store behind one interface),
``browser`` (claim browser pages), ``app`` (the FastAPI routes) and ``runner`` (uvicorn).
This file stays empty of imports: worker processes import ``kg.serve.worker`` and nothing heavier.
"""
