"""kg — a knowledge graph of who claimed what, which number each source asserted, and where sources
agree or contradict each other, every fact traceable to its sentence and article."""

__version__ = "0.1.0"
