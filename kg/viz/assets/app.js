// kg graph page. Every piece of article text is put in the page with textContent, never innerHTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kg = { network: network, nodes: nodes, edges: edges };

  network.once("afterDrawing", function () {
    window.kgReady = performance.now();
    document.body.setAttribute("data-ready", "1");
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var details = document.getElementById("kg-details");
  var pinned = null;

  function show(item) {
    if (!item) return;
    while (details.firstChild) details.removeChild(details.firstChild);
    details.setAttribute("data-shown", (item.from !== undefined ? "edge:" : "node:") + item.id);
    details.appendChild(el("h2", "kind-" + item.kind, item.head));
    var dl = el("dl");
    var rows = item.info;
    if (item.ref !== undefined) rows = rows.concat(nodes.get(item.ref).info);  // an edge's claim
    rows.forEach(function (row) {
      dl.appendChild(el("dt", null, row[0]));
      var dd = el("dd", row[0] === "Quote" ? "quote" : null);
      if (row[0] === "URL" && /^https?:\/\//i.test(row[1])) {
        var a = el("a", null, row[1]);
        a.href = row[1];
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        dd.appendChild(a);
      } else {
        dd.textContent = row[1];
      }
      dl.appendChild(dd);
    });
    details.appendChild(dl);
  }

  network.on("hoverNode", function (p) { if (pinned === null) show(nodes.get(p.node)); });
  network.on("hoverEdge", function (p) { if (pinned === null) show(edges.get(p.edge)); });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = nodes.get(p.nodes[0]); show(pinned); }
    else if (p.edges.length) { pinned = edges.get(p.edges[0]); show(pinned); }
    else { pinned = null; }
  });

  // legend: shapes and colours of the node kinds and edge kinds present in this graph
  var legend = document.getElementById("kg-legend");
  var ul = el("ul");
  data.legend.nodes.forEach(function (n) {
    var li = el("li");
    var sw = el("span", "swatch shape-" + n.shape);
    sw.style.backgroundColor = n.color;
    li.appendChild(sw);
    li.appendChild(el("span", null, n.label));
    ul.appendChild(li);
  });
  data.legend.edges.forEach(function (e) {
    var li = el("li");
    var sw = el("span", "line");
    sw.style.backgroundColor = e.color;
    li.appendChild(sw);
    li.appendChild(el("span", null, e.label));
    ul.appendChild(li);
  });
  legend.appendChild(ul);

  // find: jump to a node by name
  var names = document.getElementById("kg-names");
  var byName = {};
  data.nodes.forEach(function (n) {
    if (!n.search || byName[n.search] !== undefined) return;
    byName[n.search] = n.id;
    var o = document.createElement("option");
    o.value = n.search;
    names.appendChild(o);
  });
  document.getElementById("kg-find").addEventListener("change", function (ev) {
    var id = byName[ev.target.value];
    if (id === undefined) return;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    pinned = nodes.get(id);
    show(pinned);
  });
})();
