"""Interactive graph view: the store as a networkx graph (``kg.viz.graph``) and as one offline,
self-contained HTML page (``kg.viz.page``)."""
