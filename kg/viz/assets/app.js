// kg graph page (kg viz, /graph): the graph, its details panel, legend and find. Uses common.js.
(function () {
  "use strict";
  var C = window.kgCommon;
  var data = C.data();
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kg = { network: network, nodes: nodes, edges: edges };
  C.whenDrawn(network);

  var show = C.detailsPanel(nodes);
  var pinned = null;
  C.hover(network, nodes, edges, show, function () { return pinned; });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = nodes.get(p.nodes[0]); show(pinned); }
    else if (p.edges.length) { pinned = edges.get(p.edges[0]); show(pinned); }
    else { pinned = null; }
  });

  // legend: shapes and colours of the node kinds and edge kinds present in this graph
  var ul = C.el("ul");
  data.legend.nodes.forEach(function (n) { C.legendItem(ul, "swatch shape-" + n.shape, n.color, n.label); });
  data.legend.edges.forEach(function (e) { C.legendItem(ul, "line", e.color, e.label); });
  document.getElementById("kg-legend").appendChild(ul);

  // find: jump to a node by name
  var byName = {};
  data.nodes.forEach(function (n) { C.offerName(byName, n, n.id); });
  document.getElementById("kg-find").addEventListener("change", function (ev) {
    var id = byName[ev.target.value];
    if (id === undefined) return;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    pinned = nodes.get(id);
    show(pinned);
  });
})();
